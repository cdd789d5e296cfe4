package de.foerderregister.db;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every query a state user causes is served by an index, and a list page costs the same statements whatever its size. */
@MicronautTest(transactional = false)
class QueryPlanTest {

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    @Test
    void everyStateScopedQueryUsesAnIndex() throws SQLException {
        Account fitko = api.account(Role.FITKO, null);
        // a state no other test files for: its share of the table is what a state has in production
        Account th = api.account(Role.STATE, StateCode.TH);
        long id = api.approved(fitko, StateCode.TH, "1011500.00");
        List<StatementLog.Statement> statements;
        try (StatementLog log = StatementLog.recording()) {
            api.get(th, "/api/applications?status=APPROVED&sort=requestedAmount,desc&q=Antrag");
            api.get(th, "/api/applications?sort=title");
            api.get(th, "/api/applications/" + id);
            api.get(th, "/api/applications/" + id + "/history");
            api.get(th, "/api/applications/" + id + "/decisions");
            api.get(th, "/api/applications/" + id + "?asOf=2021-06-30");
            api.get(th, "/api/reports/budget-summary?fundingSource=DIGITALISATION_BUDGET");
            api.download(th, "/api/reports/decision-list?meetingDate=2021-01-19&format=csv");
            api.download(th, "/api/reports/application-list?format=csv");
            api.get(th, "/api/applications?light=RED");
            api.get(th, "/api/applications?schedule=YELLOW&sort=title");
            api.get(th, "/api/applications/" + id + "/status-reports");
            api.get(th, "/api/portfolio?light=RED");
            api.get(th, "/api/portfolio?fundingSource=DIGITALISATION_BUDGET");
            api.download(th, "/api/reports/portfolio?format=xlsx");
            statements = log.statements();
        }
        List<String> scoped = statements.stream()
                .filter(statement -> statement.sql().contains("owner_state") && statement.sql().trim().toUpperCase().startsWith("SELECT"))
                .filter(statement -> statement.values().contains("TH"))
                .map(StatementLog.Statement::literal)
                .distinct().toList();
        assertTrue(scoped.size() >= 6, "state-scoped statements seen: " + scoped);
        List<String> fullScans = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement explain = connection.createStatement()) {
            for (String sql : scoped) {
                try (ResultSet plan = explain.executeQuery("EXPLAIN " + sql)) {
                    while (plan.next()) {
                        String table = plan.getString("table");
                        if (table != null && table.startsWith("funding_application") || "a".equals(table)) {
                            if (plan.getString("key") == null) {
                                fullScans.add(table + " [" + plan.getString("type") + "] in " + sql);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), fullScans);
    }

    @Test
    void aReadByIdIsOneStatementBesideTheSessionCheck() {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.MV);
        try (StatementLog log = StatementLog.recording()) {
            assertEquals(200, api.get(fitko, "/api/applications/" + id).status());
            // the account's session (ends revoked tokens), then the application with its annual plan
            assertEquals(2, log.statements().size(), () -> "statements: " + log.statements());
        }
    }

    @Test
    void aListPageCostsTheSameStatementsWhateverItsSize() {
        Account fitko = api.account(Role.FITKO, null);
        for (int i = 0; i < 12; i++) {
            api.submitted(StateCode.MV);
        }
        int small;
        int large;
        try (StatementLog log = StatementLog.recording()) {
            assertEquals(200, api.get(fitko, "/api/applications?ownerState=MV&size=2").status());
            small = log.statements().size();
            log.clear();
            assertEquals(200, api.get(fitko, "/api/applications?ownerState=MV&size=100").status());
            large = log.statements().size();
        }
        assertEquals(small, large, "statements for 2 and for 100 rows");
        // the account's session generation (a primary-key read that ends revoked tokens), page, count, plans
        assertTrue(large <= 4, "session check, page, count and annual plans: " + large);
        assertFalse(large == 0, "the log saw the statements");
    }
}
