package de.foerderregister.export;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Download;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.report.BudgetSteps;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class GrantExportApiTest {

    static final String PATH = "/api/exports/360giving";

    @Inject
    TestApi api;

    @Inject
    BudgetSteps budget;

    Account fitko;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void approvedApplicationsAreGrantsWithEveryFieldOfTheStandard() {
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        JsonNode application = api.get(fitko, "/api/applications/" + id).json();
        String reference = application.get("reference").asText();

        Response exported = api.get(fitko, PATH + "?format=json");

        assertEquals(200, exported.status(), exported.body());
        assertTrue(exported.contentType().startsWith("application/json"), exported.contentType());
        JsonNode grant = grant(exported.json(), reference).orElseThrow();
        assertEquals("360G-fitko-" + reference, grant.get("id").asText());
        assertEquals(application.get("title").asText(), grant.get("title").asText());
        assertEquals("Umfang des Projekts wird um Mehrwertsteuer erhöht", grant.get("description").asText());
        assertEquals("EUR", grant.get("currency").asText());
        assertEquals("1011500.00", grant.get("amountAppliedFor").decimalValue().toPlainString());
        assertEquals("1011500.00", grant.get("amountAwarded").decimalValue().toPlainString());
        assertEquals("0.00", grant.get("amountDisbursed").decimalValue().toPlainString(), "nothing paid yet");
        assertEquals("2021-01-19", grant.get("awardDate").asText());
        JsonNode dates = grant.get("plannedDates").get(0);
        assertEquals("2021-01-01", dates.get("startDate").asText());
        assertEquals("2022-12-31", dates.get("endDate").asText());
        assertEquals(24, dates.get("duration").asInt());
        assertEquals("DE-ST", grant.get("recipientOrganization").get(0).get("id").asText());
        assertEquals("Sachsen-Anhalt", grant.get("recipientOrganization").get(0).get("name").asText());
        assertEquals("DE-FITKO", grant.get("fundingOrganization").get(0).get("id").asText());
        assertEquals("FITKO (Föderale IT-Kooperation)", grant.get("fundingOrganization").get(0).get("name").asText());
        JsonNode location = grant.get("beneficiaryLocation").get(0);
        assertEquals("Sachsen-Anhalt", location.get("name").asText());
        assertEquals("DE", location.get("countryCode").asText());
        assertEquals("DE-ST", location.get("geoCode").asText());
        assertEquals("Digitalisierungsbudget", grant.get("grantProgramme").get(0).get("title").asText());
        assertEquals(Instant.parse(application.get("updatedAt").asText()), Instant.parse(grant.get("lastModified").asText()));
    }

    @Test
    void everyGrantHasTheFieldsThe360GivingSchemaRequires() {
        api.approved(fitko, StateCode.BUND, "250000.00");
        JsonNode grants = api.get(fitko, PATH).json().get("grants");
        assertTrue(grants.isArray() && !grants.isEmpty(), "at least the grant just approved");
        for (JsonNode grant : grants) {
            String id = grant.path("id").asText();
            for (String field : List.of("id", "title", "currency", "awardDate")) {
                assertTrue(grant.path(field).isTextual() && !grant.path(field).asText().isBlank(), id + " lacks " + field);
            }
            assertTrue(grant.path("amountAwarded").isNumber(), id + ": amountAwarded must be a number");
            assertTrue(grant.path("amountAppliedFor").isNumber(), id + ": amountAppliedFor must be a number");
            assertTrue(grant.path("amountDisbursed").isNumber(), id + ": amountDisbursed must be a number");
            assertEquals(3, grant.get("currency").asText().length(), id + ": an ISO 4217 currency");
            LocalDate.parse(grant.get("awardDate").asText());
            Instant.parse(grant.get("lastModified").asText());
            for (String organisation : List.of("recipientOrganization", "fundingOrganization")) {
                JsonNode list = grant.path(organisation);
                assertTrue(list.isArray() && !list.isEmpty(), id + " lacks " + organisation);
                for (JsonNode org : list) {
                    assertFalse(org.path("id").asText().isBlank(), id + ": " + organisation + " without id");
                    assertFalse(org.path("name").asText().isBlank(), id + ": " + organisation + " without name");
                }
            }
            for (JsonNode dates : grant.path("plannedDates")) {
                LocalDate.parse(dates.get("startDate").asText());
                LocalDate.parse(dates.get("endDate").asText());
                assertTrue(dates.get("duration").isNumber());
            }
        }
    }

    @Test
    void theFederationIsTheCountryAndAmendmentsChangeTheAwardedAmount() {
        long id = api.approved(fitko, StateCode.BUND, "1000000.00");
        Response amended = api.post(fitko, "/api/applications/" + id + "/amendments", Map.of("newApprovedAmount", "1050000.00",
                "reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht", "body", "IT-Planungsrat, 34. Sitzung",
                "meetingDate", "2021-03-15", "agendaItem", "TOP 3"));
        assertEquals(201, amended.status(), amended.body());
        String reference = api.get(fitko, "/api/applications/" + id).json().get("reference").asText();

        JsonNode grant = grant(api.get(fitko, PATH).json(), reference).orElseThrow();

        assertEquals("1050000.00", grant.get("amountAwarded").decimalValue().toPlainString());
        assertEquals("1011500.00", grant.get("amountAppliedFor").decimalValue().toPlainString());
        assertEquals("2021-01-19", grant.get("awardDate").asText(), "the approving decision's day, not the amendment's");
        assertEquals("DE", grant.get("recipientOrganization").get(0).get("id").asText());
        assertEquals("DE", grant.get("beneficiaryLocation").get(0).get("geoCode").asText());
        assertEquals("Bund", grant.get("beneficiaryLocation").get(0).get("name").asText());
    }

    @Test
    void onlyApprovedApplicationsAndAStateOnlyItsOwn() {
        String nwApproved = reference(api.approved(fitko, StateCode.NW, "1000.00"));
        String stApproved = reference(api.approved(fitko, StateCode.ST, "1000.00"));
        String stSubmitted = reference(api.submitted(StateCode.ST));

        JsonNode all = api.get(api.account(Role.FINANCE, null), PATH).json();
        assertTrue(grant(all, nwApproved).isPresent());
        assertTrue(grant(all, stApproved).isPresent());
        assertTrue(grant(all, stSubmitted).isEmpty());

        JsonNode own = api.get(api.account(Role.STATE, StateCode.ST), PATH).json();
        assertTrue(grant(own, stApproved).isPresent());
        assertTrue(grant(own, nwApproved).isEmpty());
        for (JsonNode grant : own.get("grants")) {
            assertEquals("DE-ST", grant.get("recipientOrganization").get(0).get("id").asText());
        }

        assertEquals(403, api.get(api.account(Role.ADMIN, null), PATH).status());
        assertEquals(400, api.get(fitko, PATH + "?format=xml").status());
    }

    @Test
    void csvUsesThe360GivingColumnTitlesAndIsFormulaSafe() {
        Map<String, Object> body = api.application(StateCode.HB);
        body.put("title", "=HYPERLINK(\"http://example.org\") " + api.unique("Formel"));
        body.put("notes", null);
        long id = api.approved(fitko, body, "900000.00");
        String reference = reference(id);

        Download csv = api.download(fitko, PATH + "?format=csv");

        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<CSVRecord> records = parse(csv.text());
        assertEquals(GrantExport.CSV_COLUMNS, records.get(0).toList());
        CSVRecord row = records.stream().filter(record -> record.get(0).equals("360G-fitko-" + reference)).findFirst().orElseThrow();
        assertEquals("'" + body.get("title"), row.get(1), "a formula is written as text");
        assertEquals("'" + body.get("title"), row.get(2), "without notes the description is the title");
        assertEquals(List.of("EUR", "1011500.00", "900000.00", "0.00", "2021-01-19", "2021-01-01", "2022-12-31", "24", "DE-HB",
                "Bremen", "DE-FITKO", "FITKO (Föderale IT-Kooperation)", "Bremen", "DE", "DE-HB", "Digitalisierungsbudget"),
                row.toList().subList(3, 19));
        assertNotNull(Instant.parse(row.get(19)));
    }

    @Test
    void amountDisbursedIsWhatWasPaidLessRepayments() {
        Account finance = api.account(Role.FINANCE, null);
        long id = api.approved(fitko, StateCode.ST, "1011500.00");
        budget.paid(fitko, finance, StateCode.ST, id, "300000.00", 2021, BudgetSteps.PAID_ON);
        budget.paid(fitko, finance, StateCode.ST, id, "111500.00", 2022, BudgetSteps.PAID_ON);
        budget.requested(StateCode.ST, id, "50000.00", 2022);  // not paid: not disbursed
        Instant before = Instant.now();
        budget.repaid(finance, id, "11500.00", 2022, "2021-06-30");
        String reference = reference(id);

        JsonNode grant = grant(api.get(fitko, PATH).json(), reference).orElseThrow();
        assertEquals("400000.00", grant.get("amountDisbursed").decimalValue().toPlainString());
        assertEquals(budget.sql("SELECT (SELECT SUM(amount) FROM payment WHERE application_id = ? AND status = 'PAID')"
                + " - (SELECT SUM(amount) FROM repayment WHERE application_id = ?)", id, id), List.of(List.of("400000.00")));
        assertEquals("1011500.00", grant.get("amountAwarded").decimalValue().toPlainString());
        Instant updated = Instant.parse(api.get(fitko, "/api/applications/" + id).json().get("updatedAt").asText());
        Instant lastModified = Instant.parse(grant.get("lastModified").asText());
        assertTrue(lastModified.isAfter(updated) && !lastModified.isBefore(before),
                "the repayment changed the grant, not the application: " + updated + " " + lastModified);

        CSVRecord row = parse(api.download(fitko, PATH + "?format=csv").text()).stream()
                .filter(record -> record.get(0).equals("360G-fitko-" + reference)).findFirst().orElseThrow();
        assertEquals("Amount Disbursed", GrantExport.CSV_COLUMNS.get(6));
        assertEquals("400000.00", row.get(6));
    }

    @Test
    void durationCountsABegunMonth() {
        assertEquals(31, GrantExport.months(LocalDate.of(2020, 6, 1), LocalDate.of(2022, 12, 31)));
        assertEquals(15, GrantExport.months(LocalDate.of(2020, 10, 1), LocalDate.of(2021, 12, 31)));
        assertEquals(1, GrantExport.months(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 1)));
        assertEquals(2, GrantExport.months(LocalDate.of(2021, 1, 15), LocalDate.of(2021, 2, 15)));
    }

    private String reference(long id) {
        return api.get(fitko, "/api/applications/" + id).json().get("reference").asText();
    }

    private static Optional<JsonNode> grant(JsonNode export, String reference) {
        return StreamSupport.stream(export.get("grants").spliterator(), false)
                .filter(grant -> grant.get("id").asText().equals("360G-fitko-" + reference)).findFirst();
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
