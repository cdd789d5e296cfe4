package de.foerderregister.report;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Download;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Haushaltsübersicht as finance reads it. The database is shared by every test class and kept
 * between runs, so each test books its envelopes, approvals and payments in years of its own
 * ({@link TestApi#unusedYears}) and checks exact figures there; every line and total of the whole
 * register is compared with a GROUP BY over the rows the kept totals stand for.
 */
@MicronautTest(transactional = false)
class BudgetStatusReportTest {

    static final String PATH = "/api/reports/budget-status";
    static final String DIGITAL = "DIGITALISATION_BUDGET";
    static final String STIMULUS = "STIMULUS_PACKAGE";
    /** The chart's series colours, in the template's order: envelope, committed, paid. */
    static final List<Color> SERIES = List.of(Color.decode("#9AA9BF"), Color.decode("#2F5D8A"), Color.decode("#3C8D5A"));

    /**
     * Per funding source × year from the rows: the APPROVED applications' approved year shares, PAID
     * payments less repayments, and the envelopes. A line where any of them is, as the report has it.
     */
    static final String LINES = """
            WITH committed AS (
                SELECT a.funding_source, y.year, SUM(y.approved) AS amount
                FROM year_allocation y JOIN funding_application a ON a.id = y.application_id
                WHERE a.status = 'APPROVED' GROUP BY a.funding_source, y.year HAVING SUM(y.approved) <> 0),
            paid AS (
                SELECT a.funding_source, m.year, SUM(m.amount) AS amount
                FROM (SELECT application_id, year, amount FROM payment WHERE status = 'PAID'
                      UNION ALL SELECT application_id, year, -amount FROM repayment) m
                JOIN funding_application a ON a.id = m.application_id
                GROUP BY a.funding_source, m.year HAVING SUM(m.amount) <> 0),
            line AS (
                SELECT k.funding_source, k.year, e.amount AS envelope, COALESCE(c.amount, 0.00) AS committed,
                       COALESCE(p.amount, 0.00) AS paid
                FROM (SELECT funding_source, year FROM budget_envelope UNION SELECT funding_source, year FROM committed
                      UNION SELECT funding_source, year FROM paid) k
                LEFT JOIN budget_envelope e ON e.funding_source = k.funding_source AND e.year = k.year
                LEFT JOIN committed c ON c.funding_source = k.funding_source AND c.year = k.year
                LEFT JOIN paid p ON p.funding_source = k.funding_source AND p.year = k.year
                WHERE (? IS NULL OR k.year = ?) AND (? IS NULL OR k.funding_source = ?))
            """;

    @Inject
    TestApi api;

    @Inject
    BudgetSteps budget;

    Account fitko;
    Account finance;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
    }

    /**
     * Two years of their own: the Digitalisierungsbudget has an envelope in the first, the
     * Konjunkturpaket in the second; answers the first year.
     */
    private int scenario() {
        int year = api.unusedYears(2);
        budget.envelope(finance, DIGITAL, year, "800000.00");
        budget.envelope(finance, STIMULUS, year + 1, "300000.00");
        long a = budget.approvedOver(fitko, StateCode.RP, DIGITAL, year, "60000.00", "40000.00");
        long b = budget.approvedOver(fitko, StateCode.RP, DIGITAL, year, "39600.00");
        long c = budget.approvedOver(fitko, StateCode.RP, STIMULUS, year + 1, "200000.00");
        budget.paid(fitko, finance, StateCode.RP, a, "25000.00", year, BudgetSteps.PAID_ON);
        budget.paid(fitko, finance, StateCode.RP, a, "10000.00", year + 1, BudgetSteps.PAID_ON);
        budget.paid(fitko, finance, StateCode.RP, b, "5000.00", year, BudgetSteps.PAID_ON);
        budget.repaid(finance, b, "1000.00", year, "2021-06-30");
        // requested, not paid: committed, but nothing paid out yet
        budget.requested(StateCode.RP, c, "50000.00", year + 1);
        return year;
    }

    @Test
    void linesAndTotalsOfOwnYearsToTheCent() {
        int year = scenario();
        JsonNode status = ok(finance, PATH + "?year=" + year);
        // 99 600 of 800 000 is 12,45 %: half-up gives 12,5
        assertEquals(List.of(List.of(DIGITAL, year + "", "800000.00", "99600.00", "29000.00", "700400.00", "70600.00", "12.5")),
                lines(status.get("rows")));
        assertEquals(List.of(List.of(DIGITAL, "null", "800000.00", "99600.00", "29000.00", "700400.00", "70600.00", "12.5")),
                lines(status.get("totals")));

        JsonNode next = ok(fitko, PATH + "?year=" + (year + 1));
        assertEquals(List.of(
                List.of(DIGITAL, year + 1 + "", "null", "40000.00", "10000.00", "null", "30000.00", "null"),
                List.of(STIMULUS, year + 1 + "", "300000.00", "200000.00", "0.00", "100000.00", "200000.00", "66.7")),
                lines(next.get("rows")));
        assertEquals(List.of(
                List.of(DIGITAL, "null", "null", "40000.00", "10000.00", "null", "30000.00", "null"),
                List.of(STIMULUS, "null", "300000.00", "200000.00", "0.00", "100000.00", "200000.00", "66.7")),
                lines(next.get("totals")));
        assertEquals(year + 1, next.get("filter").get("year").asInt());
    }

    @Test
    void everyLineAndTotalEqualsSqlOverTheRows() {
        int year = scenario();
        for (String[] filter : new String[][] {{null, null}, {String.valueOf(year), null}, {null, DIGITAL},
                {String.valueOf(year + 1), STIMULUS}}) {
            String query = (filter[0] == null ? "" : "&year=" + filter[0]) + (filter[1] == null ? "" : "&fundingSource=" + filter[1]);
            JsonNode status = ok(finance, PATH + "?format=json" + query);
            Object[] values = {filter[0], filter[0], filter[1], filter[1]};
            List<List<String>> rows = withUtilisation(budget.sql(LINES
                    + "SELECT funding_source, year, envelope, committed, paid, envelope - committed, committed - paid"
                    + " FROM line ORDER BY funding_source, year", values), 2, 3, 5);
            assertEquals(rows, lines(status.get("rows")), query);
            List<List<String>> totals = withUtilisation(budget.sql(LINES
                    + "SELECT funding_source, NULL, SUM(envelope), SUM(committed), SUM(paid), SUM(envelope - committed),"
                    + " SUM(committed - paid) FROM line GROUP BY funding_source ORDER BY funding_source", values), 2, 3, 5);
            assertEquals(totals, lines(status.get("totals")), query);
            assertFalse(rows.isEmpty(), query);
        }
    }

    @Test
    void thePdfPrintsTheFiguresTheGermanWayWithABarChartPerSource() {
        int year = scenario();
        Download pdf = api.download(finance, PATH + "?format=pdf&year=" + year + "&fundingSource=" + DIGITAL);
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(ReportReading.allFontsEmbedded(pdf.bytes()));
        String text = ReportReading.pdfText(pdf.bytes());
        assertTrue(text.contains("Haushaltsübersicht"), text);
        assertTrue(text.contains("Filter: Jahr " + year + " · Digitalisierungsbudget · erstellt am"), text);
        assertTrue(text.contains("Jahr Mittelrahmen Gebunden Ausgezahlt Verfügbar Offen Auslastung (%)"), text);
        assertTrue(text.contains(year + " 800.000,00 € 99.600,00 € 29.000,00 € 700.400,00 € 70.600,00 € 12,5"), text);
        assertTrue(text.contains("Summe 800.000,00 € 99.600,00 € 29.000,00 € 700.400,00 € 70.600,00 € 12,5"), text);
        assertTrue(text.contains("Seite 1 von"), text);
        // one page; its chart is drawn, not written: one bar per series and year, and the legend's key
        assertEquals(List.of(List.of(2), List.of(2), List.of(2)), SERIES.stream()
                .map(colour -> ReportReading.filledShapes(pdf.bytes(), colour)).toList());

        // the next year: the Digitalisierungsbudget has no envelope there, so no envelope bar
        Download both = api.download(finance, PATH + "?format=pdf&year=" + (year + 1));
        String bothText = ReportReading.pdfText(both.bytes());
        assertTrue(bothText.contains("Digitalisierungsbudget") && bothText.contains("Konjunkturpaket"), bothText);
        assertTrue(bothText.contains((year + 1) + " 40.000,00 € 10.000,00 € 30.000,00 €"), bothText);
        assertTrue(bothText.contains((year + 1) + " 300.000,00 € 200.000,00 € 0,00 € 100.000,00 € 200.000,00 € 66,7"), bothText);
        List<List<Integer>> bars = SERIES.stream().map(colour -> ReportReading.filledShapes(both.bytes(), colour)).toList();
        assertEquals(List.of(1 + 2, 2 + 2, 2 + 2), bars.stream().map(pages -> pages.stream().mapToInt(Integer::intValue).sum()).toList(),
                "two charts with a legend each; an envelope bar only for the Konjunkturpaket");
    }

    @Test
    void csvAndXlsxCarryTheTableWithoutTheChart() throws IOException {
        int year = scenario();
        JsonNode status = ok(finance, PATH + "?year=" + (year + 1));
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode total : status.get("totals")) {
            for (JsonNode row : status.get("rows")) {
                if (row.get("fundingSource").equals(total.get("fundingSource"))) {
                    expected.add(cells(row));
                }
            }
            expected.add(cells(total));
        }

        Download csv = api.download(finance, PATH + "?format=csv&year=" + (year + 1));
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(ReportReading.hasUtf8Bom(csv.bytes()));
        List<CSVRecord> records = ReportReading.csv(csv.bytes(), ';');
        assertEquals(List.of("Finanzierung", "Jahr", "Mittelrahmen", "Gebunden", "Ausgezahlt", "Verfügbar", "Offen",
                "Auslastung (%)"), records.get(0).getParser().getHeaderNames());
        assertEquals(germanDecimals(expected), records.stream().map(CSVRecord::toList).toList());

        Download comma = api.download(finance, PATH + "?format=csv&delimiter=,&year=" + (year + 1));
        assertEquals(expected, ReportReading.csv(comma.bytes(), ',').stream().map(CSVRecord::toList).toList(),
                "with ',' between cells the decimals take a point");

        Download xlsx = api.download(finance, PATH + "?format=xlsx&year=" + (year + 1));
        assertEquals(200, xlsx.status());
        List<List<Object>> sheet = ReportReading.xlsxRows(xlsx.bytes());
        List<Object> stimulus = sheet.stream().filter(row -> row.contains("Konjunkturpaket")).findFirst()
                .flatMap(header -> sheet.stream().skip(sheet.indexOf(header)).filter(row -> row.contains(String.valueOf(year + 1))).findFirst())
                .orElseThrow(() -> new AssertionError(sheet.toString()));
        List<String> numbers = stimulus.stream().filter(cell -> cell instanceof BigDecimal)
                .map(cell -> ((BigDecimal) cell).stripTrailingZeros().toPlainString()).toList();
        assertEquals(List.of("300000", "200000", "0", "100000", "200000", "66.7"), numbers.subList(numbers.size() - 6, numbers.size()),
                "amounts and the utilisation stay numbers: " + stimulus);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertTrue(workbook.getAllPictures().isEmpty(), "no chart image");
            XSSFDrawing drawing = workbook.getSheetAt(0).getDrawingPatriarch();
            assertTrue(drawing == null || drawing.getShapes().isEmpty(), "no chart drawing");
        }
        assertTrue(sheet.stream().flatMap(List::stream).noneMatch(cell -> String.valueOf(cell).contains("je Jahr")),
                "no chart title either");
    }

    @Test
    void anEmptySelectionIsAnEmptyReport() {
        int year = api.unusedYears(1);
        JsonNode status = ok(finance, PATH + "?year=" + year);
        assertEquals(0, status.get("rows").size());
        assertEquals(0, status.get("totals").size());
        String text = ReportReading.pdfText(api.download(finance, PATH + "?format=pdf&year=" + year).bytes());
        assertTrue(text.contains("Für diese Auswahl gibt es weder Mittelrahmen noch Bindungen oder Auszahlungen."), text);
        assertTrue(ReportReading.csv(api.download(finance, PATH + "?format=csv&year=" + year).bytes(), ';').isEmpty());
        assertEquals(200, api.download(finance, PATH + "?format=xlsx&year=" + year).status());
    }

    @Test
    void federalBudgetFiguresAreForFitkoAndFinanceOnly() {
        for (Account reader : List.of(finance, fitko)) {
            assertEquals(200, api.get(reader, PATH).status(), reader.role().name());
        }
        for (Account refused : List.of(api.account(Role.STATE, StateCode.RP), api.account(Role.ADMIN, null))) {
            for (String format : List.of("", "?format=pdf", "?format=xlsx", "?format=csv")) {
                Response response = api.get(refused, PATH + format);
                assertEquals(403, response.status(), refused.role() + format);
                assertEquals("application/problem+json", response.contentType());
            }
        }
        assertEquals(401, api.send("GET", PATH, null, null, Map.of()).status());
    }

    @Test
    void unreadableParametersAreRefusedNamingTheField() {
        for (String[] bad : List.of(new String[] {"?year=abc", "400", "year"}, new String[] {"?fundingSource=EU", "400", "fundingSource"},
                new String[] {"?format=docx", "400", "format"}, new String[] {"?format=csv&delimiter=%7C", "400", "delimiter"},
                new String[] {"?year=1800", "422", "year"})) {
            Response response = api.get(finance, PATH + bad[0]);
            assertEquals(Integer.parseInt(bad[1]), response.status(), bad[0] + " " + response.body());
            assertEquals("application/problem+json", response.contentType(), bad[0]);
            assertEquals(bad[2], response.json().get("errors").get(0).get("field").asText(), bad[0]);
        }
    }

    // --- helpers

    private JsonNode ok(Account account, String path) {
        Response response = api.get(account, path);
        assertEquals(200, response.status(), path + " " + response.body());
        return response.json();
    }

    /** Each line as its fields, in the report's column order; null as "null". */
    private static List<List<String>> lines(JsonNode lines) {
        List<List<String>> all = new ArrayList<>();
        for (JsonNode line : lines) {
            List<String> values = new ArrayList<>();
            for (String field : List.of("fundingSource", "year", "envelope", "committed", "paid", "available", "open", "utilisation")) {
                JsonNode value = line.get(field);
                values.add(value.isNull() ? "null" : value.isNumber() && !value.isIntegralNumber()
                        ? value.decimalValue().toPlainString() : value.asText());
            }
            all.add(values);
        }
        return all;
    }

    /** The SQL lines with the utilisation appended: committed of envelope in percent, one decimal, half-up. */
    private static List<List<String>> withUtilisation(List<List<String>> rows, int envelope, int committed, int available) {
        return rows.stream().map(row -> {
            List<String> line = new ArrayList<>(row);
            boolean none = row.get(envelope).equals("null") || new BigDecimal(row.get(envelope)).signum() == 0;
            line.add(none ? "null" : new BigDecimal(row.get(envelope)).subtract(new BigDecimal(row.get(available)))
                    .multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(row.get(envelope)), 1, RoundingMode.HALF_UP)
                    .toPlainString());
            return line;
        }).toList();
    }

    /** A JSON line as the CSV (with ',') writes it: German source names, "Summe" for a total, nothing for null. */
    private static List<String> cells(JsonNode line) {
        List<String> cells = new ArrayList<>();
        cells.add(line.get("fundingSource").asText().equals(DIGITAL) ? "Digitalisierungsbudget" : "Konjunkturpaket");
        cells.add(line.get("year").isNull() ? "Summe" : line.get("year").asText());
        for (String field : List.of("envelope", "committed", "paid", "available", "open", "utilisation")) {
            cells.add(line.get(field).isNull() ? "" : line.get(field).decimalValue().toPlainString());
        }
        return cells;
    }

    private static List<List<String>> germanDecimals(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(cell -> cell.replace('.', ',')).toList()).toList();
    }

}
