package de.foerderregister.quality;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.importing.ImportFiles;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DataQualityApiTest {

    static final String PATH = "/api/data-quality";

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    Account fitko;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void aSubmittedApplicationWhoseRuntimeEndedIsFound() {
        long ended = api.submitted(StateCode.NW);
        Map<String, Object> running = api.application(StateCode.NW);
        running.put("endDate", "2030-12-31");
        running.put("annualPlan", null);
        long current = api.create(fitko, running).get("id").asLong();
        api.post(fitko, "/api/applications/" + current + "/submit", null);

        List<JsonNode> findings = findings(fitko);

        JsonNode finding = only(findings, "RUNTIME_ENDED_STILL_SUBMITTED", ended);
        assertEquals("/api/applications/" + ended, finding.get("link").asText());
        assertEquals(api.get(fitko, "/api/applications/" + ended).json().get("reference").asText(), finding.get("reference").asText());
        assertTrue(finding.get("reason").asText().contains("2022-12-31"), finding.toString());
        assertEquals(0, of(findings, "RUNTIME_ENDED_STILL_SUBMITTED", current).size());
    }

    @Test
    void anApprovedApplicationWithoutAnnualPlanIsFound() {
        Map<String, Object> body = api.application(StateCode.ST);
        body.put("annualPlan", null);
        long id = api.create(api.applicant(StateCode.ST), body).get("id").asLong();
        api.post(api.applicant(StateCode.ST), "/api/applications/" + id + "/submit", null);
        assertEquals(200, api.post(fitko, "/api/applications/" + id + "/decision", api.decision("APPROVED", "1011500.00")).status());
        long planned = api.approved(fitko, StateCode.ST, "1011500.00");

        List<JsonNode> findings = findings(fitko);

        assertTrue(only(findings, "APPROVED_WITHOUT_ANNUAL_PLAN", id).get("reason").asText().contains("1011500.00 EUR"));
        assertEquals(0, of(findings, "APPROVED_WITHOUT_ANNUAL_PLAN", planned).size());
    }

    @Test
    void anAnnualPlanWrittenPastTheRulesIsFound() throws SQLException {
        Map<String, Object> body = api.application(StateCode.BY);
        body.put("annualPlan", null);
        long id = api.create(fitko, body).get("id").asLong();
        long fine = api.create(fitko, api.application(StateCode.BY)).get("id").asLong();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO annual_plan_line (application_id, year, amount) VALUES (?, ?, ?)")) {
            for (Object[] line : List.of(new Object[]{2021, "500000.00"}, new Object[]{2022, "500000.00"})) {
                insert.setLong(1, id);
                insert.setInt(2, (Integer) line[0]);
                insert.setBigDecimal(3, new BigDecimal((String) line[1]));
                insert.executeUpdate();
            }
        }

        List<JsonNode> findings = findings(fitko);

        assertEquals("the annual plan sums to 1000000.00 EUR but the requested amount is 1011500.00 EUR",
                only(findings, "ANNUAL_PLAN_MISMATCH", id).get("reason").asText());
        assertEquals(0, of(findings, "ANNUAL_PLAN_MISMATCH", fine).size());
    }

    @Test
    void titlesEqualButForCaseSpacesAndPunctuationInOneStateAreProbableDuplicates() {
        String marker = api.unique("dup");
        long first = create(StateCode.HE, "Digitales Zeugnis " + marker);
        long second = create(StateCode.HE, "DIGITALES ZEUG-NIS, " + marker.toUpperCase());
        long otherState = create(StateCode.TH, "Digitales Zeugnis " + marker);
        long otherTitle = create(StateCode.HE, "Digitales Zeugnis 2 " + marker);
        String firstReference = api.get(fitko, "/api/applications/" + first).json().get("reference").asText();

        List<JsonNode> findings = findings(fitko);

        assertTrue(only(findings, "PROBABLE_DUPLICATE", second).get("reason").asText().endsWith(" as " + firstReference));
        assertEquals(1, of(findings, "PROBABLE_DUPLICATE", first).size());
        assertEquals(0, of(findings, "PROBABLE_DUPLICATE", otherState).size());
        assertEquals(0, of(findings, "PROBABLE_DUPLICATE", otherTitle).size());

        api.post(fitko, "/api/applications/" + second + "/withdraw", null);
        assertEquals(0, of(findings(fitko), "PROBABLE_DUPLICATE", first).size(), "a withdrawn one is no competitor");
    }

    @Test
    void amountsFarFromTheMedianAreFound() {
        // the registry holds many applications of 1 011 500,00 €; far above and far below stay outliers
        // whatever else earlier runs left in the database
        long huge = createWithAmount("900000000000.00");
        long tiny = createWithAmount("0.01");
        long usual = createWithAmount("1011500.00");

        List<JsonNode> findings = findings(fitko);

        assertTrue(only(findings, "AMOUNT_OUTLIER", huge).get("reason").asText().contains("more than 10 times the median"));
        assertTrue(only(findings, "AMOUNT_OUTLIER", tiny).get("reason").asText().contains("less than 1 % of the median"));
        assertEquals(0, of(findings, "AMOUNT_OUTLIER", usual).size());
    }

    @Test
    void rowsAnImportRejectedForMissingFieldsAreFoundUntilTheyAreRegistered() {
        String marker = api.unique("scan");
        String file = ImportFiles.minutesTable(marker);
        assertEquals(200, api.send("POST", "/api/imports/applications", fitko.token(), file, Map.of("Content-Type", "text/csv")).status());

        List<JsonNode> missing = findings(fitko).stream()
                .filter(finding -> finding.get("kind").asText().equals("IMPORT_MISSING_FIELDS"))
                .filter(finding -> finding.get("title").asText().contains(marker)).toList();

        assertEquals(List.of("Digitale " + marker + " Wirtschaftsservices", "Serviceorientierte " + marker + " Standardbausteine"),
                missing.stream().map(finding -> finding.get("title").asText()).toList());
        assertTrue(missing.get(0).get("reason").asText().contains("missing owner_state, type, end_date, requested_amount_eur"),
                missing.get(0).toString());
        assertTrue(missing.get(0).get("link").isNull());

        create(StateCode.BB, "Digitale " + marker + " Wirtschaftsservices");
        assertEquals(1, findings(fitko).stream().filter(finding -> finding.get("kind").asText().equals("IMPORT_MISSING_FIELDS"))
                .filter(finding -> finding.get("title").asText().contains(marker)).count(), "registered since");
    }

    @Test
    void aStateSeesFindingsOfItsOwnStateOnly() {
        long nw = api.submitted(StateCode.NW);
        long sn = api.submitted(StateCode.SN);

        List<JsonNode> own = findings(api.account(Role.STATE, StateCode.SN));
        assertEquals(1, of(own, "RUNTIME_ENDED_STILL_SUBMITTED", sn).size());
        assertEquals(0, of(own, "RUNTIME_ENDED_STILL_SUBMITTED", nw).size());
        for (JsonNode finding : own) {
            if (!finding.get("applicationId").isNull()) {
                assertEquals("SN", api.get(fitko, finding.get("link").asText()).json().get("ownerState").asText());
            }
        }

        assertEquals(1, of(findings(api.account(Role.FINANCE, null)), "RUNTIME_ENDED_STILL_SUBMITTED", nw).size());
        assertEquals(403, api.get(api.account(Role.ADMIN, null), PATH).status());
    }

    @Test
    void aStateCannotProbeAnotherStatesTitlesThroughItsRejectedImportRows() {
        String marker = api.unique("orakel");
        String stTitle = "Elektronische Akte " + marker;
        create(StateCode.ST, stTitle);
        Account nw = api.account(Role.STATE, StateCode.NW);

        importRows(nw, stTitle + ",,RI,2021-01-01,2021-12-31,1000.00", "Niemandes Titel " + marker + ",,RI,2021-01-01,2021-12-31,1000.00");

        assertEquals(List.of(stTitle, "Niemandes Titel " + marker), missingFieldTitles(findings(nw), marker),
                "ST's application of the same title must not hide NW's own rejected row");
    }

    @Test
    void anotherStatesRejectedRowClaimingThisStateStaysWithTheImporter() {
        String marker = api.unique("fremd");
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account st = api.account(Role.STATE, StateCode.ST);

        Response imported = importRows(nw, "Untergeschoben " + marker + ",ST,,2021-01-01,2021-12-31,1000.00");
        assertEquals("ERROR", imported.json().get("rows").get(0).get("status").asText());

        assertEquals(List.of(), missingFieldTitles(findings(st), marker));
        assertTrue(findings(st).stream().noneMatch(finding -> finding.get("reason").asText().contains(nw.username())),
                "nothing of NW's import reaches ST");
        assertEquals(List.of("Untergeschoben " + marker), missingFieldTitles(findings(nw), marker));
        assertEquals(List.of("Untergeschoben " + marker), missingFieldTitles(findings(fitko), marker));
    }

    @Test
    void anotherStatesRejectedRowOfTheSameTitleDoesNotHideThisStatesFinding() {
        String marker = api.unique("verdeckt");
        String title = "Gleicher Titel " + marker;
        Account st = api.account(Role.STATE, StateCode.ST);
        Account nw = api.account(Role.STATE, StateCode.NW);
        importRows(st, title + ",ST,,2021-01-01,2021-12-31,1000.00");
        importRows(nw, title + ",NW,,2021-01-01,2021-12-31,1000.00");

        List<JsonNode> own = findings(st).stream().filter(finding -> finding.get("kind").asText().equals("IMPORT_MISSING_FIELDS"))
                .filter(finding -> finding.get("title").asText().equals(title)).toList();
        assertEquals(1, own.size(), own.toString());
        assertTrue(own.get(0).get("reason").asText().contains("(" + st.username() + ","), own.toString());
        assertEquals(List.of(title, title), missingFieldTitles(findings(fitko), marker), "FITKO sees each state's row");
    }

    @Test
    void theMedianAStateIsShownIsTheMedianOfItsOwnApplications() throws SQLException {
        for (int i = 0; i < 9; i++) {
            createWithAmount(StateCode.MV, "50000000.00");
        }
        long huge = createWithAmount(StateCode.MV, "900000000000.00");

        String reason = only(findings(api.account(Role.STATE, StateCode.MV)), "AMOUNT_OUTLIER", huge).get("reason").asText();

        BigDecimal own = median("SELECT requested_amount FROM funding_application WHERE owner_state = 'MV'");
        BigDecimal all = median("SELECT requested_amount FROM funding_application");
        assertTrue(own.compareTo(all) != 0, "the test needs MV's median to differ from the registry's: " + own + " " + all);
        assertTrue(reason.endsWith("the median of the applications of MV (" + own.toPlainString() + " EUR)"), reason);
        assertTrue(only(findings(fitko), "AMOUNT_OUTLIER", huge).get("reason").asText()
                .endsWith("the median of all applications (" + all.toPlainString() + " EUR)"));
    }

    /** The median as MariaDB's MEDIAN computes it (the mean of the middle two for an even count), to the cent. */
    private BigDecimal median(String sql) throws SQLException {
        List<BigDecimal> amounts = new java.util.ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             java.sql.ResultSet result = query.executeQuery()) {
            while (result.next()) {
                amounts.add(result.getBigDecimal(1));
            }
        }
        amounts.sort(null);
        int n = amounts.size();
        BigDecimal middle = n % 2 == 1 ? amounts.get(n / 2)
                : amounts.get(n / 2 - 1).add(amounts.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Imports rows of title, owner_state, type, start_date, end_date, requested_amount_eur as the account. */
    private Response importRows(Account account, String... rows) {
        String file = "title,owner_state,type,start_date,end_date,requested_amount_eur\n" + String.join("\n", rows) + "\n";
        Response response = api.send("POST", "/api/imports/applications", account.token(), file, Map.of("Content-Type", "text/csv"));
        assertEquals(200, response.status(), response.body());
        return response;
    }

    private static List<String> missingFieldTitles(List<JsonNode> findings, String marker) {
        return findings.stream().filter(finding -> finding.get("kind").asText().equals("IMPORT_MISSING_FIELDS"))
                .map(finding -> finding.get("title").asText()).filter(title -> title.contains(marker)).toList();
    }

    private long create(StateCode state, String title) {
        Map<String, Object> body = api.application(state);
        body.put("title", title);
        return api.create(fitko, body).get("id").asLong();
    }

    private long createWithAmount(String amount) {
        return createWithAmount(StateCode.RP, amount);
    }

    private long createWithAmount(StateCode state, String amount) {
        Map<String, Object> body = api.application(state);
        body.put("requestedAmount", amount);
        body.put("annualPlan", null);
        return api.create(fitko, body).get("id").asLong();
    }

    private List<JsonNode> findings(Account account) {
        Response response = api.get(account, PATH);
        assertEquals(200, response.status(), response.body());
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private static List<JsonNode> of(List<JsonNode> findings, String kind, long applicationId) {
        return findings.stream().filter(finding -> finding.get("kind").asText().equals(kind))
                .filter(finding -> finding.get("applicationId").asLong() == applicationId).toList();
    }

    private static JsonNode only(List<JsonNode> findings, String kind, long applicationId) {
        List<JsonNode> found = of(findings, kind, applicationId);
        assertEquals(1, found.size(), kind + " for " + applicationId + ": " + found);
        return found.get(0);
    }
}
