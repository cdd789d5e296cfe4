package de.foerderregister.importing;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ImportApiTest {

    static final String PATH = "/api/imports/applications";
    static final String HEADER = "title,owner_state,type,start_date,end_date,requested_amount_eur,status,"
            + "decision_body,decision_date,agenda_item,notes,source_quality";

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
    void theMinutesTableCreatesItsTwoCompleteRowsWithDecisionsAndNamesWhatTheOthersMiss() {
        String marker = api.unique("TOP08");
        String file = ImportFiles.minutesTable(marker);

        Response imported = importCsv(fitko, file, "");

        assertEquals(200, imported.status(), imported.body());
        JsonNode answer = imported.json();
        assertEquals("UTF-8", answer.get("encoding").asText());
        assertEquals(",", answer.get("delimiter").asText());
        assertEquals(List.of(), texts(answer.get("ignoredColumns")), "source_quality is a known column");
        assertEquals(4, answer.get("counts").get("rows").asInt());
        assertEquals(2, answer.get("counts").get("created").asInt());
        assertEquals(2, answer.get("counts").get("failed").asInt());
        List<JsonNode> rows = list(answer.get("rows"));
        assertEquals(List.of("CREATED", "ERROR", "ERROR", "CREATED"), rows.stream().map(row -> row.get("status").asText()).toList());
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(row -> row.get("row").asInt()).toList());
        assertEquals(List.of(2, 3, 4, 5), rows.stream().map(row -> row.get("line").asInt()).toList());

        assertEquals(List.of("owner_state", "type", "end_date", "requested_amount_eur"), fields(rows.get(1)));
        assertEquals(List.of("owner_state", "type", "requested_amount_eur"), fields(rows.get(2)));
        assertEquals("is required (the cell is empty)", rows.get(1).get("errors").get(0).get("message").asText());

        JsonNode heilberufsausweis = api.get(fitko, "/api/applications/" + rows.get(0).get("id").asLong()).json();
        assertEquals(rows.get(0).get("reference").asText(), heilberufsausweis.get("reference").asText());
        assertEquals("Elektronischer " + marker + " Heilberufsausweis", heilberufsausweis.get("title").asText());
        assertEquals("NW", heilberufsausweis.get("ownerState").asText(), "NRW is read as NW");
        assertEquals("REFERENCE_IMPLEMENTATION", heilberufsausweis.get("type").asText());
        assertEquals("DIGITALISATION_BUDGET", heilberufsausweis.get("fundingSource").asText(), "SPEC's default");
        assertEquals("APPROVED", heilberufsausweis.get("status").asText());
        assertEquals("2500000.00", heilberufsausweis.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("2500000.00", heilberufsausweis.get("approvedAmount").decimalValue().toPlainString());
        assertEquals("Notwendigkeit für Projekt folgt aus Patienten-Daten-Schutz-Gesetz", heilberufsausweis.get("notes").asText());

        long schulzeugnis = rows.get(3).get("id").asLong();
        JsonNode decision = api.get(fitko, "/api/applications/" + schulzeugnis + "/decisions").json().get(0);
        assertEquals("APPROVED", decision.get("outcome").asText());
        assertEquals("1011500.00", decision.get("approvedAmount").decimalValue().toPlainString());
        assertEquals("Abteilungsleiterrunde", decision.get("body").asText());
        assertEquals("2021-01-19", decision.get("meetingDate").asText());
        assertEquals("TOP 08", decision.get("agendaItem").asText());
        List<String> actions = list(api.get(fitko, "/api/applications/" + schulzeugnis + "/history").json()).stream()
                .map(event -> event.get("action").asText()).toList();
        // a runtime of 2020-06-01 to 2022-12-31 owes interim reports for 2020 and 2021, and the final one
        assertEquals(List.of("IMPORTED", "SUBMITTED", "DECIDED", "OBLIGATION_CREATED", "OBLIGATION_CREATED",
                "OBLIGATION_CREATED"), actions);
    }

    @Test
    void reimportingTheSameFileCreatesNoDuplicates() {
        String marker = api.unique("again");
        String file = ImportFiles.minutesTable(marker);
        List<JsonNode> first = list(importCsv(fitko, file, "").json().get("rows"));

        Response again = importCsv(fitko, file.replace("Digitales " + marker + " Schulzeugnis", "  digitales " + marker.toUpperCase() + " SCHULZEUGNIS"), "");

        assertEquals(200, again.status(), again.body());
        assertEquals(0, again.json().get("counts").get("created").asInt());
        assertEquals(2, again.json().get("counts").get("duplicate").asInt());
        List<JsonNode> rows = list(again.json().get("rows"));
        assertEquals(List.of("DUPLICATE", "ERROR", "ERROR", "DUPLICATE"), rows.stream().map(row -> row.get("status").asText()).toList());
        assertEquals(first.get(0).get("reference").asText(), rows.get(0).get("reference").asText());
        assertEquals(first.get(3).get("id").asLong(), rows.get(3).get("id").asLong(), "title compared trimmed and case-insensitively");
        assertTrue(rows.get(3).get("note").asText().contains(first.get(3).get("reference").asText()), rows.get(3).toString());
    }

    @Test
    void aWindows1252FileWithSemicolonsAsGermanExcelSavesIt() {
        String marker = api.unique("Excel");
        String file = String.join("\r\n",
                "Title;Owner_State;Type;Funding_Source;Start_Date;End_Date;Requested_Amount_EUR;Status;Notes",
                "Schulportal Baden-Württemberg " + marker + ";BW;Referenzimplementierung;Konjunkturpaket;01.06.2020;31.12.2022;1.011.500,00;SUBMITTED;\"Straße; Größe und Maß\"",
                "Bürgerkonto Thüringen " + marker + ";TH;Standard;Digitalisierungsbudget;1.1.2021;30.06.2021;250000,5;;",
                ";;;;;;;;",
                "");
        byte[] bytes = file.getBytes(Charset.forName("windows-1252"));

        Response imported = api.sendBytes("POST", PATH, fitko.token(), bytes, "text/csv");

        assertEquals(200, imported.status(), imported.body());
        assertEquals("windows-1252", imported.json().get("encoding").asText());
        assertEquals(";", imported.json().get("delimiter").asText());
        List<JsonNode> rows = list(imported.json().get("rows"));
        assertEquals(2, rows.size(), "the empty row Excel writes is skipped");
        assertEquals(List.of("CREATED", "CREATED"), rows.stream().map(row -> row.get("status").asText()).toList());

        JsonNode first = api.get(fitko, "/api/applications/" + rows.get(0).get("id").asLong()).json();
        assertEquals("Schulportal Baden-Württemberg " + marker, first.get("title").asText());
        assertEquals("BW", first.get("ownerState").asText());
        assertEquals("REFERENCE_IMPLEMENTATION", first.get("type").asText());
        assertEquals("STIMULUS_PACKAGE", first.get("fundingSource").asText());
        assertEquals("2020-06-01", first.get("startDate").asText());
        assertEquals("2022-12-31", first.get("endDate").asText());
        assertEquals("1011500.00", first.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("SUBMITTED", first.get("status").asText());
        assertEquals("Straße; Größe und Maß", first.get("notes").asText());

        JsonNode second = api.get(fitko, "/api/applications/" + rows.get(1).get("id").asLong()).json();
        assertEquals("Bürgerkonto Thüringen " + marker, second.get("title").asText());
        assertEquals("STANDARD", second.get("type").asText());
        assertEquals("DIGITALISATION_BUDGET", second.get("fundingSource").asText());
        assertEquals("2021-01-01", second.get("startDate").asText());
        assertEquals("250000.50", second.get("requestedAmount").decimalValue().toPlainString());
        assertEquals("DRAFT", second.get("status").asText());
    }

    @Test
    void utf8WithAByteOrderMarkAsOctetStream() {
        String marker = api.unique("BOM");
        String file = "\uFEFF" + HEADER + "\n"
                + "Schulzeugnis Sachsen-Anhalt " + marker + ",ST,RI,2020-06-01,2022-12-31,\"1.011.500,00\",DRAFT,,,,Umfang des Projekts wird um Mehrwertsteuer erhöht,complete\n";

        Response imported = api.sendBytes("POST", PATH, fitko.token(), file.getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");

        assertEquals(200, imported.status(), imported.body());
        assertEquals("UTF-8", imported.json().get("encoding").asText());
        JsonNode row = imported.json().get("rows").get(0);
        assertEquals("CREATED", row.get("status").asText(), row.toString());
        JsonNode created = api.get(fitko, "/api/applications/" + row.get("id").asLong()).json();
        assertEquals("Schulzeugnis Sachsen-Anhalt " + marker, created.get("title").asText(), "the BOM is not part of the first column's name");
        assertEquals("Umfang des Projekts wird um Mehrwertsteuer erhöht", created.get("notes").asText());
    }

    @Test
    void aBadRowNeverStopsAGoodOneAndEachErrorNamesColumnAndValue() {
        String marker = api.unique("mixed");
        String file = HEADER + ",bemerkung_intern\n"
                + row("Gut eins " + marker, "HE", "STD", "2021-01-01", "2021-12-31", "1000.00", "SUBMITTED") + ",x\n"
                + row("Schlecht " + marker, "XY", "RIX", "31.02.2021", "2020-01-01", "zwölf", "FERTIG") + ",y\n"
                + row("Falsch herum " + marker, "HE", "RI", "2021-06-01", "2021-01-01", "1000.005", "") + ",z\n"
                + row("Gut zwei " + marker, "HE", "RI", "2021-01-01", "2021-12-31", "2.500", "") + ",\n";

        Response imported = importCsv(fitko, file, "");

        assertEquals(200, imported.status(), imported.body());
        assertEquals(List.of("bemerkung_intern"), texts(imported.json().get("ignoredColumns")));
        List<JsonNode> rows = list(imported.json().get("rows"));
        assertEquals(List.of("CREATED", "ERROR", "ERROR", "CREATED"), rows.stream().map(row -> row.get("status").asText()).toList());
        Map<String, String> bad = errors(rows.get(1));
        assertEquals(List.of("owner_state", "type", "start_date", "requested_amount_eur", "status"), fields(rows.get(1)));
        assertTrue(bad.get("owner_state").contains("\"XY\""), bad.toString());
        assertTrue(bad.get("type").contains("\"RIX\""), bad.toString());
        assertTrue(bad.get("start_date").contains("\"31.02.2021\""), bad.toString());
        assertTrue(bad.get("requested_amount_eur").contains("\"zwölf\""), bad.toString());
        assertTrue(bad.get("status").contains("\"FERTIG\""), bad.toString());
        Map<String, String> reversed = errors(rows.get(2));
        assertEquals("must not be before start_date (value: \"2021-01-01\")", reversed.get("end_date"));
        assertEquals("must have at most two decimal places (value: \"1000.005\")", reversed.get("requested_amount_eur"));

        assertEquals("2500.00", api.get(fitko, "/api/applications/" + rows.get(3).get("id").asLong()).json()
                .get("requestedAmount").decimalValue().toPlainString(), "2.500 is read the German way");
        assertEquals(2, search(marker).size(), "the bad rows left nothing behind");
    }

    @Test
    void atomicWritesNothingUnlessEveryRowIsGood() {
        String marker = api.unique("atomic");
        String good = row("Atomar eins " + marker, "SN", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";
        String bad = row("Atomar zwei " + marker, "SN", "RI", "2021-01-01", "", "1000.00", "") + "\n";

        Response refused = importCsv(fitko, HEADER + "\n" + good + bad, "?atomic=true");

        assertEquals(422, refused.status(), refused.body());
        assertEquals(List.of("VALID", "ERROR"), list(refused.json().get("rows")).stream().map(row -> row.get("status").asText()).toList());
        assertEquals(List.of("end_date"), fields(refused.json().get("rows").get(1)));
        assertEquals(0, search(marker).size());

        Response accepted = importCsv(fitko, HEADER + "\n" + good + bad.replace(",,1000.00", ",2021-12-31,1000.00"), "?atomic=true");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(2, accepted.json().get("counts").get("created").asInt());
        assertEquals(2, search(marker).size());
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        String marker = api.unique("dry");
        String file = HEADER + "\n"
                + row("Probe " + marker, "HH", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n"
                + row("Probe " + marker, "HH", "RI", "2021-01-01", "2021-12-31", "2000.00", "") + "\n"
                + row("Probe ohne Betrag " + marker, "HH", "RI", "2021-01-01", "2021-12-31", "", "") + "\n";

        Response checked = importCsv(fitko, file, "?dryRun=true");

        assertEquals(200, checked.status(), checked.body());
        assertTrue(checked.json().get("dryRun").asBoolean());
        assertTrue(checked.json().get("importId").isNull());
        List<JsonNode> rows = list(checked.json().get("rows"));
        assertEquals(List.of("VALID", "DUPLICATE", "ERROR"), rows.stream().map(row -> row.get("status").asText()).toList());
        assertTrue(rows.get(1).get("note").asText().contains("row 1 of this file"), rows.get(1).toString());
        assertEquals(0, search(marker).size());
    }

    @Test
    void theFundingSourceParameterAppliesWhereTheFileHasNoColumn() {
        String marker = api.unique("source");
        Response imported = importCsv(fitko, HEADER + "\n"
                + row("Konjunktur " + marker, "SL", "STD", "2021-01-01", "2021-12-31", "1000.00", "") + "\n",
                "?fundingSource=STIMULUS_PACKAGE");
        assertEquals(200, imported.status(), imported.body());
        long id = imported.json().get("rows").get(0).get("id").asLong();
        assertEquals("STIMULUS_PACKAGE", api.get(fitko, "/api/applications/" + id).json().get("fundingSource").asText());
    }

    @Test
    void aStateImportsItsOwnRowsOnlyAndRecordsNoDecision() {
        Account st = api.account(Role.STATE, StateCode.ST);
        String marker = api.unique("land");
        String file = HEADER + "\n"
                + row("Eigenes " + marker, "ST", "RI", "2021-01-01", "2021-12-31", "1000.00", "SUBMITTED") + "\n"
                + row("Fremdes " + marker, "NRW", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n"
                + row("Genehmigtes " + marker, "ST", "RI", "2021-01-01", "2021-12-31", "1000.00", "APPROVED") + "\n"
                + row("Ohne Land " + marker, "", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";

        Response imported = importCsv(st, file, "");

        assertEquals(200, imported.status(), imported.body());
        List<JsonNode> rows = list(imported.json().get("rows"));
        assertEquals(List.of("CREATED", "ERROR", "ERROR", "ERROR"), rows.stream().map(row -> row.get("status").asText()).toList());
        assertEquals("SUBMITTED", api.get(st, "/api/applications/" + rows.get(0).get("id").asLong()).json().get("status").asText());
        assertEquals("a user of ST may only import rows of ST (value: \"NRW\")", errors(rows.get(1)).get("owner_state"));
        assertTrue(errors(rows.get(2)).get("status").contains("only FITKO"), rows.get(2).toString());
        assertEquals(List.of("owner_state"), fields(rows.get(3)), "an empty state is not filled in from the user's");
    }

    @Test
    void financeAndAdminMayNotImport() {
        String file = HEADER + "\n" + row(api.unique("verboten"), "NW", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";
        assertEquals(403, importCsv(api.account(Role.FINANCE, null), file, "").status());
        assertEquals(403, importCsv(api.account(Role.ADMIN, null), file, "").status());
        assertEquals(401, api.send("POST", PATH, null, file, Map.of("Content-Type", "text/csv")).status());
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedAsAWhole() {
        Response refused = importCsv(fitko, "title;owner_state;type\nEtwas;NW;RI\n", "");
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(List.of("start_date", "end_date", "requested_amount_eur"), fields(refused.json()));

        assertEquals(400, importCsv(fitko, "", "").status());
    }

    @Test
    void datesOutsideTheCalendarAreRowErrorsAndTheGoodRowsAroundThemStay() throws SQLException {
        String marker = api.unique("kalender");
        List<String> bad = List.of("9999-01-01", "0000-01-01", "1989-12-31", "2101-01-01", "31.12.1989");
        StringBuilder file = new StringBuilder(HEADER + "\n");
        file.append(row("Vorher " + marker, "HE", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append("\n");
        for (String date : bad) {
            file.append(row("Datum " + date + " " + marker, "HE", "RI", date, "2021-12-31", "1000.00", "")).append("\n");
        }
        file.append(row("Ende 9999 " + marker, "HE", "RI", "2021-01-01", "9999-12-31", "1000.00", "")).append("\n");
        file.append(String.join(",", "Sitzung 1989 " + marker, "HE", "RI", "2021-01-01", "2021-12-31", "1000.00",
                "APPROVED", "Abteilungsleiterrunde", "1989-12-31", "TOP 08", "", "")).append("\n");
        file.append(row("Nachher " + marker, "HE", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append("\n");

        Response imported = importCsv(fitko, file.toString(), "");

        assertEquals(200, imported.status(), imported.body());
        List<JsonNode> rows = list(imported.json().get("rows"));
        assertEquals("CREATED", rows.get(0).get("status").asText());
        for (int i = 1; i <= bad.size(); i++) {
            assertEquals(Map.of("start_date", "must lie between 1990-01-01 and 2100-12-31 (value: \"" + bad.get(i - 1) + "\")"),
                    errors(rows.get(i)));
        }
        assertEquals(List.of("end_date"), fields(rows.get(6)));
        assertEquals(List.of("decision_date"), fields(rows.get(7)));
        assertEquals("CREATED", rows.get(8).get("status").asText());
        assertEquals(2, search(marker).size());
        assertEquals(List.of(9, 2, 7), run(imported.json().get("importId").asLong()));
    }

    @Test
    void aRowThatFailsUnexpectedlyIsThatRowsErrorAndTheRunIsLoggedAnyway() throws SQLException {
        String marker = api.unique("panne");
        String file = HEADER + "\n"
                + row("Eins " + marker, "BE", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n"
                + row("Zwei " + marker, "BE", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n"
                + row("Drei Boom " + marker, "BE", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n"
                + row("Vier " + marker, "BE", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";
        try (Failing ignored = failingInsert("Drei Boom " + marker)) {
            Response each = importCsv(fitko, file, "");
            assertEquals(200, each.status(), each.body());
            assertEquals(List.of("CREATED", "CREATED", "ERROR", "CREATED"),
                    list(each.json().get("rows")).stream().map(row -> row.get("status").asText()).toList());
            assertEquals(List.of("row"), fields(each.json().get("rows").get(2)));
            assertEquals(3, search(marker).size());
            assertEquals(List.of(4, 3, 1), run(each.json().get("importId").asLong()));

            String again = file.replace("Eins ", "Eins atomar ").replace("Zwei ", "Zwei atomar ").replace("Vier ", "Vier atomar ");
            Response atomic = importCsv(fitko, again, "?atomic=true");
            assertEquals(422, atomic.status(), atomic.body());
            assertEquals(List.of("VALID", "VALID", "ERROR", "VALID"),
                    list(atomic.json().get("rows")).stream().map(row -> row.get("status").asText()).toList());
            assertEquals(3, search(marker).size(), "the atomic run left nothing behind");
            assertEquals(List.of(4, 0, 1), run(atomic.json().get("importId").asLong()));
        }
    }

    /** Makes the database refuse one title with an error no rule foresees, until closed. */
    private Failing failingInsert(String title) throws SQLException {
        String trigger = "test_fail_" + Math.abs(title.hashCode());
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON funding_application FOR EACH ROW "
                    + "IF NEW.title LIKE '" + title + "%' THEN SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'unforeseen'; END IF");
        }
        return () -> {
            try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        };
    }

    private interface Failing extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** The logged run's rows, created and failed counts. */
    private List<Integer> run(long id) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT rows_total, rows_created, rows_failed FROM import_run WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "import run " + id + " is logged");
                return List.of(result.getInt(1), result.getInt(2), result.getInt(3));
            }
        }
    }

    @Test
    void anAtomicImportAboveTheJobThresholdIsRefusedBeforeAnyRowIsWritten() {
        Account fitko = api.account(Role.FITKO, null);
        String marker = api.unique("AtomarGross");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 0; file.length() <= 1024 * 1024; i++) {
            file.append(row("Atomar " + marker + " " + i, "NW", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append('\n');
        }

        Response refused = api.sendBytes("POST", PATH + "?atomic=true", fitko.token(),
                file.toString().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertEquals(413, refused.status(), refused.body());
        assertEquals("import.atomicTooLarge", refused.json().get("errors").get(0).get("code").asText(), refused.body());
        assertEquals("1048576", refused.json().get("errors").get(0).get("arguments").get(0).asText());
        assertTrue(refused.json().get("errors").get(0).get("message").asText().contains("1048576"), refused.body());
        assertEquals(0, api.get(fitko, "/api/applications?q=" + marker).json().get("totalSize").asLong());

        Response small = api.sendBytes("POST", PATH + "?atomic=true", fitko.token(),
                (HEADER + "\n" + row("Atomar klein " + marker, "NW", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, small.status(), small.body());
    }

    @Test
    void rowErrorsCarryTheRulesCodeAndSpeakGermanWhenAsked() {
        String marker = api.unique("german");
        String file = HEADER + "\n" + row("Falsch herum " + marker, "HE", "RI", "2021-06-01", "2021-01-01", "1000.005", "") + "\n";
        Response imported = api.send("POST", PATH + "?dryRun=true", fitko.token(), file,
                Map.of("Content-Type", "text/csv", "Accept-Language", "de"));
        assertEquals(200, imported.status(), imported.body());
        Map<String, JsonNode> byColumn = new HashMap<>();
        list(imported.json().get("rows").get(0).get("errors")).forEach(error -> byColumn.put(error.get("field").asText(), error));
        assertEquals("date.order", byColumn.get("end_date").get("code").asText());
        assertEquals("start_date", byColumn.get("end_date").get("arguments").get(0).asText(), "the argument names the column");
        assertEquals("Das Ende darf nicht vor dem Beginn liegen. (Wert: „2021-01-01“)", byColumn.get("end_date").get("message").asText());
        assertEquals("amount.scale", byColumn.get("requested_amount_eur").get("code").asText());
        assertEquals("darf höchstens zwei Nachkommastellen haben. (Wert: „1000.005“)",
                byColumn.get("requested_amount_eur").get("message").asText());
    }

    private Response importCsv(Account account, String file, String query) {
        return api.send("POST", PATH + query, account.token(), file, Map.of("Content-Type", "text/csv"));
    }

    private List<JsonNode> search(String query) {
        return list(api.get(fitko, "/api/applications?size=100&q=" + query).json().get("content"));
    }

    static String row(String title, String state, String type, String start, String end, String amount, String status) {
        return String.join(",", title, state, type, start, end, amount, status, "", "", "", "", "");
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    static List<String> fields(JsonNode withErrors) {
        assertNotNull(withErrors.get("errors"), withErrors.toString());
        return list(withErrors.get("errors")).stream().map(error -> error.get("field").asText()).toList();
    }

    static Map<String, String> errors(JsonNode row) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        list(row.get("errors")).forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        return errors;
    }
}
