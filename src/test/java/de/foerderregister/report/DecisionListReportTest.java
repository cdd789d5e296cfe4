package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Download;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DecisionListReportTest {

    @Inject
    TestApi api;

    @Inject
    BudgetSteps budget;

    Account fitko;
    LocalDate meeting;
    String hostileTitle;

    /** A meeting of its own: three decisions on a day no other test uses. */
    @BeforeEach
    void meeting() {
        fitko = api.account(Role.FITKO, null);
        meeting = LocalDate.of(2000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 7000));
        Map<String, Object> hostile = api.application(StateCode.ST);
        hostileTitle = "=HYPERLINK(\"http://example.invalid\";\"Klick\") " + api.unique("x");
        hostile.put("title", hostileTitle);
        hostile.put("notes", "@SUMME(A1:A9)");
        long st = api.filed(hostile);
        Map<String, Object> heilberufsausweis = api.application(StateCode.NW);
        heilberufsausweis.put("requestedAmount", "2500000.00");
        heilberufsausweis.remove("annualPlan");
        long nw = api.filed(heilberufsausweis);
        long by = api.submitted(StateCode.BY);
        Map<String, Object> batch = new HashMap<>(Map.of("body", "Abteilungsleiterrunde", "meetingDate", meeting.toString(),
                "agendaItem", "TOP 08", "kind", "RESOLUTION"));
        batch.put("items", List.of(
                Map.of("applicationId", st, "outcome", "APPROVED", "approvedAmount", "1011500.00"),
                Map.of("applicationId", nw, "outcome", "APPROVED", "approvedAmount", "2500000.00"),
                Map.of("applicationId", by, "outcome", "REJECTED")));
        assertEquals(201, api.post(fitko, "/api/decisions", batch).status());
    }

    @Test
    void thePdfReadsLikeTheMinutesTable() {
        Download pdf = api.download(fitko, "/api/reports/decision-list?meetingDate=" + meeting + "&format=pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(ReportReading.allFontsEmbedded(pdf.bytes()), "fonts embedded");
        String text = ReportReading.pdfText(pdf.bytes());
        assertTrue(text.contains("Projekte"), text);
        assertTrue(text.contains("Abteilungsleiterrunde vom " + german(meeting)), text);
        for (String column : List.of("Projekt", "Land", "Art", "Laufzeit", "Volumen", "Genehmigung", "Diskussion/Anmerkungen")) {
            assertTrue(text.contains(column), column);
        }
        assertTrue(text.contains("1.011.500,00 €"), text);
        assertTrue(text.contains("2.500.000,00 €"), text);
        assertTrue(text.contains("01.01.2021 – 31.12.2022"), "German dates: " + text);
        assertTrue(text.contains("abgelehnt"), text);
        // the totals: requested 2 × 1 011 500,00 + 2 500 000,00; approved 1 011 500,00 + 2 500 000,00
        assertTrue(text.contains("4.523.000,00 €"), text);
        assertTrue(text.contains("3.511.500,00 €"), text);
        assertTrue(text.contains("RI: Referenzimplementierung, STD: Standard"), text);
        assertTrue(text.contains("Seite 1 von"), text);
        assertTrue(text.contains("=HYPERLINK(") && !text.contains("'=HYPERLINK"), "PDFs keep text as it is");
    }

    @Test
    void csvIsUtf8WithBomSemicolonsAndEscapedFormulas() {
        Download csv = api.download(fitko, "/api/reports/decision-list?meetingDate=" + meeting + "&format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(ReportReading.hasUtf8Bom(csv.bytes()));
        List<CSVRecord> records = ReportReading.csv(csv.bytes(), ';');
        assertEquals(3, records.size());
        CSVRecord hostile = records.stream().filter(record -> record.get("Land").equals("ST")).findFirst().orElseThrow();
        assertEquals("'" + hostileTitle, hostile.get("Projekt"));
        assertEquals("'@SUMME(A1:A9)", hostile.get("Diskussion/Anmerkungen"));
        assertEquals("1011500,00", hostile.get("Volumen"));
        BigDecimal approved = records.stream().map(record -> record.get("Genehmigt")).filter(value -> !value.isEmpty())
                .map(value -> new BigDecimal(value.replace(',', '.'))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("3511500.00"), approved);

        List<CSVRecord> comma = ReportReading.csv(api.download(fitko,
                "/api/reports/decision-list?meetingDate=" + meeting + "&format=csv&delimiter=,").bytes(), ',');
        assertEquals(3, comma.size());
        assertTrue(comma.stream().anyMatch(record -> record.get("Volumen").equals("1011500.00")));
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndFormulasAsText() {
        Download xlsx = api.download(fitko, "/api/reports/decision-list?meetingDate=" + meeting + "&format=xlsx");
        assertEquals(200, xlsx.status());
        List<List<Object>> rows = ReportReading.xlsxRows(xlsx.bytes());
        List<Object> hostile = rows.stream().filter(row -> row.contains("'" + hostileTitle)).findFirst().orElseThrow(() ->
                new AssertionError(rows.toString()));
        assertTrue(hostile.stream().anyMatch(cell -> cell instanceof BigDecimal amount
                && amount.compareTo(new BigDecimal("1011500.00")) == 0), hostile.toString());
        assertFalse(rows.stream().flatMap(List::stream).anyMatch(cell -> cell.toString().startsWith("FORMULA:")));
    }

    @Test
    void statesSeeOnlyTheirOwnLinesAndAdminsNone() {
        Account st = api.account(Role.STATE, StateCode.ST);
        List<CSVRecord> records = ReportReading.csv(api.download(st,
                "/api/reports/decision-list?meetingDate=" + meeting + "&format=csv").bytes(), ';');
        assertEquals(List.of("ST"), records.stream().map(record -> record.get("Land")).toList());
        assertEquals(403, api.download(api.account(Role.ADMIN, null), "/api/reports/decision-list?meetingDate=" + meeting).status());
        assertEquals(200, api.download(api.account(Role.FINANCE, null), "/api/reports/decision-list?meetingDate=" + meeting).status());
    }

    @Test
    void badParametersAreProblems() {
        assertEquals(400, api.get(fitko, "/api/reports/decision-list").status());
        assertEquals(400, api.get(fitko, "/api/reports/decision-list?meetingDate=19.01.2021").status());
        assertEquals(400, api.get(fitko, "/api/reports/decision-list?meetingDate=" + meeting + "&format=docx").status());
        assertEquals(400, api.get(fitko, "/api/reports/decision-list?meetingDate=" + meeting + "&format=csv&delimiter=%7C").status());
    }

    @Test
    void theApplicationSheetHasDecisionsAndHistory() {
        long id = api.approved(fitko, StateCode.HB, "1011500.00");
        Download pdf = api.download(fitko, "/api/applications/" + id + "/report.pdf");
        assertEquals(200, pdf.status());
        assertTrue(ReportReading.allFontsEmbedded(pdf.bytes()));
        String text = ReportReading.pdfText(pdf.bytes());
        assertTrue(text.contains("Projektsteckbrief"), text);
        assertTrue(text.contains("Bremen (HB)"), text);
        assertTrue(text.contains("genehmigt (Beschluss)"), text);
        assertTrue(text.contains("Abteilungsleiterrunde, 19.01.2021, TOP 08"), text);
        assertTrue(text.contains("1.011.500,00 €"), text);
        assertTrue(text.contains("2021: 500.000,00 €; 2022: 511.500,00 €"), text);
        assertTrue(text.contains("eingereicht von"), text);
        assertEquals(404, api.download(api.account(Role.STATE, StateCode.NW), "/api/applications/" + id + "/report.pdf").status());
        assertEquals(200, api.download(api.account(Role.STATE, StateCode.HB), "/api/applications/" + id + "/report.pdf").status());
    }

    @Test
    void theApplicationSheetListsYearSharesPaymentsAndRepayments() {
        Account finance = api.account(Role.FINANCE, null);
        long id = api.approved(fitko, StateCode.HB, "1011500.00");  // 500 000 in 2021, 511 500 in 2022
        String booking = budget.paid(fitko, finance, StateCode.HB, id, "200000.00", 2021, BudgetSteps.PAID_ON);
        long rejected = budget.requested(StateCode.HB, id, "100000.00", 2022);
        assertEquals(200, api.post(fitko, "/api/applications/" + id + "/payments/" + rejected + "/reject",
                Map.of("reason", "Verwendungsnachweis fehlt")).status());
        budget.repaid(finance, id, "15000.00", 2021, "2021-06-30");

        Download pdf = api.download(api.account(Role.STATE, StateCode.HB), "/api/applications/" + id + "/report.pdf");
        assertEquals(200, pdf.status());
        assertTrue(ReportReading.allFontsEmbedded(pdf.bytes()));
        // a detail wraps in its column: compare the words, not the lines
        String text = ReportReading.pdfText(pdf.bytes()).replaceAll("\\s+", " ");
        assertTrue(text.contains("Genehmigte Jahresanteile"), text);
        assertTrue(text.contains("2021 genehmigter Anteil 500.000,00 € abgerufen 200.000,00 €, ausgezahlt 200.000,00 €,"
                + " zurückgezahlt 15.000,00 €, noch abrufbar 315.000,00 €"), text);
        assertTrue(text.contains("2022 genehmigter Anteil 511.500,00 € abgerufen 0,00 €, ausgezahlt 0,00 €,"
                + " zurückgezahlt 0,00 €, noch abrufbar 511.500,00 €"), text);
        assertTrue(text.contains("Zahlungen") && text.contains("01.03.2021 Jahr 2021 · ausgezahlt 200.000,00 €"), text);
        assertTrue(text.replace(" ", "").contains("Buchungszeichen" + booking), text);
        assertTrue(text.contains("– Jahr 2022 · abgelehnt 100.000,00 €"), text);
        assertTrue(text.contains("Verwendungsnachweis fehlt"), text);
        assertTrue(text.contains("Rückzahlungen") && text.contains("30.06.2021 Jahr 2021 15.000,00 € Minderausgaben im Projekt"), text);
    }

    @Test
    void beforeTheApprovalTheSheetHasNoMoney() {
        long id = api.submitted(StateCode.HB);
        String text = ReportReading.pdfText(api.download(fitko, "/api/applications/" + id + "/report.pdf").bytes());
        assertTrue(text.contains("Projektsteckbrief"), text);
        assertFalse(text.contains("Genehmigte Jahresanteile") || text.contains("Zahlungen") || text.contains("Rückzahlungen"), text);
    }

    private static String german(LocalDate date) {
        return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
