package de.foerderregister.report;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget summary's documents carry the same figures as its JSON answer, which equals SQL (BudgetSummaryApiTest). */
@MicronautTest(transactional = false)
class BudgetSummaryDocumentTest {

    private static final String FILTER = "fundingSource=STIMULUS_PACKAGE&ownerState=HB";

    @Inject
    TestApi api;

    @Inject
    BudgetSteps budget;

    Account finance;

    @BeforeEach
    void data() {
        Account fitko = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
        for (String amount : List.of("1011500.00", "2500000.00")) {
            Map<String, Object> body = api.application(StateCode.HB);
            body.put("fundingSource", "STIMULUS_PACKAGE");
            if (new BigDecimal(amount).compareTo(new BigDecimal((String) body.get("requestedAmount"))) > 0) {
                body.put("requestedAmount", amount);
                body.remove("annualPlan");
            }
            // filed by Bremen: a FITKO user may not decide what they filed
            long id = api.approved(fitko, body, amount);
            budget.paid(fitko, finance, StateCode.HB, id, "123456.78", 2021, BudgetSteps.PAID_ON);
        }
    }

    @Test
    void thePdfShowsTheJsonTotalsTheGermanWay() {
        JsonNode total = api.get(finance, "/api/reports/budget-summary?" + FILTER).json().get("total");
        Download pdf = api.download(finance, "/api/reports/budget-summary?format=pdf&" + FILTER);
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(ReportReading.allFontsEmbedded(pdf.bytes()));
        String text = ReportReading.pdfText(pdf.bytes());
        assertTrue(text.contains("Budgetübersicht"), text);
        assertTrue(text.contains("Filter: alle Jahre · Bremen · Konjunkturpaket · alle Status"), text);
        assertTrue(text.contains("Nach Land und Art") && text.contains("Nach Finanzierung") && text.contains("Nach Kalenderjahr"), text);
        assertTrue(text.contains("Gruppe Anzahl Beantragt Genehmigt Ausgezahlt Offen"), text);
        assertTrue(text.contains("Gesamt " + total.get("count").asLong() + " " + euro(total.get("requested").decimalValue())
                + " " + euro(total.get("approved").decimalValue()) + " " + euro(total.get("paid").decimalValue())
                + " " + euro(total.get("open").decimalValue())), text);
        assertTrue(text.contains("Seite 1 von"), text);
    }

    @Test
    void csvAndXlsxRowsAddUpToTheTotals() {
        JsonNode summary = api.get(finance, "/api/reports/budget-summary?" + FILTER).json();
        List<CSVRecord> rows = ReportReading.csv(api.download(finance, "/api/reports/budget-summary?format=csv&" + FILTER).bytes(), ';');
        assertTrue(summary.get("total").get("paid").decimalValue().signum() > 0, "payments were made");
        Map<String, String> columns = Map.of("requested", "Beantragt", "approved", "Genehmigt", "paid", "Ausgezahlt", "open", "Offen");
        for (String section : List.of("Nach Land und Art", "Nach Finanzierung", "Nach Kalenderjahr")) {
            columns.forEach((field, column) -> {
                BigDecimal sum = rows.stream().filter(row -> row.get("Abschnitt").equals(section))
                        .map(row -> new BigDecimal(row.get(column).replace(',', '.'))).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(summary.get("total").get(field).decimalValue(), sum, section + " " + column);
            });
        }
        List<List<Object>> cells = ReportReading.xlsxRows(api.download(finance, "/api/reports/budget-summary?format=xlsx&" + FILTER).bytes());
        List<Object> totalRow = cells.stream().filter(row -> row.contains("Gesamt")).findFirst().orElseThrow();
        for (String field : List.of("approved", "paid", "open")) {
            assertTrue(totalRow.stream().anyMatch(cell -> cell instanceof BigDecimal amount
                    && amount.compareTo(summary.get("total").get(field).decimalValue()) == 0), field + " " + totalRow);
        }
    }

    @Test
    void aStateSeesOnlyItsOwnFigures() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        String text = ReportReading.pdfText(api.download(nw, "/api/reports/budget-summary?format=pdf").bytes());
        assertTrue(text.contains("sichtbar für Nordrhein-Westfalen"), text);
        assertTrue(!text.contains("Bremen"), text);
    }

    private static String euro(BigDecimal amount) {
        return new DecimalFormat("#,##0.00 €", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(amount);
    }
}
