package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Download;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ApplicationListReportTest {

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    @Test
    void theListHoldsEverySelectedApplicationAndItsTotalsEqualSql() throws SQLException {
        Account fitko = api.account(Role.FITKO, null);
        api.approved(fitko, StateCode.SL, "777.77");
        Download csv = api.download(fitko, "/api/reports/application-list?format=csv&ownerState=SL");
        assertEquals(200, csv.status());
        List<CSVRecord> rows = ReportReading.csv(csv.bytes(), ';');
        BigDecimal requested = rows.stream().map(row -> new BigDecimal(row.get("Volumen").replace(',', '.')))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet sql = statement.executeQuery(
                     "SELECT COUNT(*), SUM(requested_amount) FROM funding_application WHERE owner_state = 'SL'")) {
            sql.next();
            assertEquals(sql.getLong(1), rows.size());
            assertEquals(sql.getBigDecimal(2), requested);
        }
        assertTrue(rows.stream().allMatch(row -> row.get("Land").equals("SL")));
        assertTrue(rows.stream().anyMatch(row -> row.get("Genehmigt").equals("777,77")));

        Download pdf = api.download(fitko, "/api/reports/application-list?format=pdf&ownerState=SL");
        String text = ReportReading.pdfText(pdf.bytes());
        assertTrue(text.contains("Summe (" + rows.size() + " Anträge)"), text);
        assertTrue(text.contains("Filter: Saarland"), text);
    }

    @Test
    void theCsvKeepsTitlesThePdfColumnCuts() {
        Account applicant = api.applicant(StateCode.HB);
        String marker = api.unique("Lang");
        String title = (marker + " Onlinezugangsgesetz-Umsetzung Wohngeld, Elterngeld und Kindergeld ").repeat(4).strip()
                .substring(0, 200).strip();
        java.util.Map<String, Object> body = api.application(StateCode.HB);
        body.put("title", title);
        api.create(applicant, body);
        List<CSVRecord> rows = ReportReading.csv(api.download(applicant, "/api/reports/application-list?format=csv").bytes(), ';');
        assertTrue(rows.stream().anyMatch(row -> row.get("Projekt").equals(title)),
                "the whole title of " + title.length() + " characters");
    }

    @Test
    void statesSeeTheirOwnOnly() {
        Account sl = api.account(Role.STATE, StateCode.SL);
        List<CSVRecord> own = ReportReading.csv(api.download(sl, "/api/reports/application-list?format=csv").bytes(), ';');
        assertTrue(own.stream().allMatch(row -> row.get("Land").equals("SL")));
        List<CSVRecord> foreign = ReportReading.csv(api.download(sl, "/api/reports/application-list?format=csv&ownerState=BY").bytes(), ';');
        assertEquals(0, foreign.size());
        assertEquals(403, api.download(api.account(Role.ADMIN, null), "/api/reports/application-list").status());
    }
}
