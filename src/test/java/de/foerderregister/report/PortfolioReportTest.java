package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Download;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portfolio report read back as its readers see it, held against SQL: every project, its lights as words, the counts. */
@MicronautTest(transactional = false)
class PortfolioReportTest {

    private static final Map<String, String> GERMAN = Map.of("GREEN", "Grün", "YELLOW", "Gelb", "RED", "Rot");
    private static final List<String> DIMENSIONS = List.of("Gesamt", "Zeitplan", "Budget", "Qualität");
    private static final List<String> COLUMNS = List.of("overall", "schedule", "budget", "quality");

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    /** Approved projects of the stimulus package in Schleswig-Holstein: one per kind of lights, one unreported. */
    private void projects(Account fitko) {
        Account sh = api.applicant(StateCode.SH);
        List<List<String>> reports = List.of(List.of("GREEN", "GREEN", "GREEN"), List.of("YELLOW", "GREEN", "GREEN"),
                List.of("GREEN", "RED", "YELLOW"), List.of());
        for (List<String> lights : reports) {
            Map<String, Object> body = api.application(StateCode.SH);
            body.put("fundingSource", "STIMULUS_PACKAGE");
            long id = api.approved(fitko, body, "333333.33");
            if (!lights.isEmpty()) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("schedule", lights.get(0));
                report.put("budget", lights.get(1));
                report.put("quality", lights.get(2));
                report.put("comment", "Stand der Umsetzung");
                assertEquals(201, api.post(sh, "/api/applications/" + id + "/status-reports", report).status());
            }
        }
    }

    @Test
    void theSpreadsheetListsEveryProjectWithItsLightsAsWordsAndCountsAsSql() throws SQLException {
        Account fitko = api.account(Role.FITKO, null);
        projects(fitko);
        Download xlsx = api.download(api.account(Role.FINANCE, null),
                "/api/reports/portfolio?format=xlsx&ownerState=SH&fundingSource=STIMULUS_PACKAGE");
        assertEquals(200, xlsx.status(), xlsx.text());
        assertEquals(ReportFormat.XLSX.mediaType(), xlsx.contentType());
        List<List<Object>> sheet = ReportReading.xlsxRows(xlsx.bytes());

        Map<String, List<String>> listed = new TreeMap<>();
        Map<String, List<Object>> summary = new LinkedHashMap<>();
        for (List<Object> row : sheet) {
            String first = String.valueOf(row.get(0));
            if (first.matches("\\d{4}-\\d{4,}")) {
                listed.put(first, row.stream().map(String::valueOf).toList());
            } else if (DIMENSIONS.contains(first) && row.size() > 1) {
                summary.put(first, row.stream().filter(BigDecimal.class::isInstance).toList());
            }
        }
        String where = "status = 'APPROVED' AND owner_state = 'SH' AND funding_source = 'STIMULUS_PACKAGE'";
        Map<String, List<String>> expected = new TreeMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT reference, latest_status_schedule, latest_status_budget,"
                    + " latest_status_quality, latest_status_overall FROM funding_application WHERE " + where)) {
                while (rows.next()) {
                    List<String> lights = new ArrayList<>();
                    for (int column = 2; column <= 5; column++) {
                        lights.add(rows.getString(column) == null ? null : GERMAN.get(rows.getString(column)));
                    }
                    expected.put(rows.getString(1), lights);
                }
            }
            assertEquals(expected.keySet(), listed.keySet(), "every approved project, nothing else");
            expected.forEach((reference, lights) -> {
                List<String> cells = listed.get(reference);
                for (String light : lights) {
                    assertTrue(light == null ? cells.contains("keine Meldung") : cells.contains(light),
                            reference + ": " + light + " in " + cells);
                }
            });

            for (int i = 0; i < DIMENSIONS.size(); i++) {
                List<BigDecimal> counts = new ArrayList<>();
                for (String light : List.of("GREEN", "YELLOW", "RED")) {
                    counts.add(count(statement, where + " AND latest_status_" + COLUMNS.get(i) + " = '" + light + "'"));
                }
                counts.add(count(statement, where + " AND latest_status_reported_at IS NULL"));
                assertEquals(counts, summary.get(DIMENSIONS.get(i)).stream()
                        .map(cell -> ((BigDecimal) cell).setScale(0)).toList(), DIMENSIONS.get(i));
            }
            try (ResultSet total = statement.executeQuery("SELECT COUNT(*), SUM(approved_amount) FROM funding_application WHERE " + where)) {
                total.next();
                String pdf = ReportReading.pdfText(api.download(fitko,
                        "/api/reports/portfolio?ownerState=SH&fundingSource=STIMULUS_PACKAGE").bytes());
                assertTrue(pdf.contains("Summe (" + total.getLong(1) + " Projekte)"), pdf);
                assertTrue(pdf.contains(de.foerderregister.system.GermanNotation.money(total.getBigDecimal(2))), pdf);
            }
        }
    }

    @Test
    void thePdfSaysEachLightInWordsWithEmbeddedFonts() {
        Account fitko = api.account(Role.FITKO, null);
        projects(fitko);
        Download pdf = api.download(fitko, "/api/reports/portfolio?format=pdf&ownerState=SH&light=RED");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(ReportReading.allFontsEmbedded(pdf.bytes()));
        String text = ReportReading.pdfText(pdf.bytes());
        assertTrue(text.contains("Portfolio: genehmigte Projekte und ihre Ampeln"), text);
        assertTrue(text.contains("Filter: Schleswig-Holstein · alle Finanzierungen · Gesamtampel Rot"), text);
        assertTrue(text.contains("Rot") && text.contains("Gelb") && text.contains("Projekte je Ampel"), text);
    }

    @Test
    void aStateGetsItsOwnProjectsOnlyAndCsvIsNotOffered() {
        Account fitko = api.account(Role.FITKO, null);
        projects(fitko);
        Account sh = api.applicant(StateCode.SH);
        List<List<Object>> own = ReportReading.xlsxRows(api.download(sh, "/api/reports/portfolio?format=xlsx").bytes());
        List<List<Object>> projects = own.stream().filter(row -> String.valueOf(row.get(0)).matches("\\d{4}-\\d{4,}")).toList();
        assertTrue(!projects.isEmpty());
        assertTrue(projects.stream().allMatch(row -> row.contains("SH")), projects.toString());
        List<List<Object>> foreign = ReportReading.xlsxRows(api.download(sh, "/api/reports/portfolio?format=xlsx&ownerState=BY").bytes());
        assertTrue(foreign.stream().noneMatch(row -> String.valueOf(row.get(0)).matches("\\d{4}-\\d{4,}")));
        assertEquals(400, api.download(fitko, "/api/reports/portfolio?format=csv").status());
        assertEquals(403, api.download(api.account(Role.ADMIN, null), "/api/reports/portfolio").status());
    }

    private static BigDecimal count(Statement statement, String where) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM funding_application WHERE " + where)) {
            count.next();
            return BigDecimal.valueOf(count.getLong(1));
        }
    }
}
