package de.foerderregister.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verification of the kept aggregates on a live database: over the API (ADMIN only) and from the command line. */
@MicronautTest(transactional = false)
class AggregateVerifyTest {

    private static final String VERIFY = "/api/admin/aggregates/verify";

    @Inject
    TestApi api;
    @Inject
    DataSource managed;
    @Inject
    @Named("default")
    DatasourceConfiguration database;
    private DataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void unwrap() {
        dataSource = DelegatingDataSource.unwrapDataSource(managed);
    }

    @Test
    void aTamperedRowIsFoundRepairedAndTheRepairAudited() throws SQLException {
        Account admin = api.account(Role.ADMIN, null);
        long id = api.approved(api.account(Role.FITKO, null), StateCode.MV, "300000.00");
        String group = "MV/REFERENCE_IMPLEMENTATION/DIGITALISATION_BUDGET/APPROVED/0";
        assertEquals(0, differences(api.post(admin, VERIFY, null)).size(), "consistent before the tampering");

        update("UPDATE summary_total SET approved = approved + 0.01 WHERE owner_state = 'MV' AND type = 'REFERENCE_IMPLEMENTATION'"
                + " AND funding_source = 'DIGITALISATION_BUDGET' AND status = 'APPROVED' AND year = 0 AND lane = 1");
        update("UPDATE allocation_total SET approved = approved - 5.00 WHERE year = (SELECT MIN(year) FROM year_allocation WHERE application_id = "
                + id + ") AND funding_source = 'DIGITALISATION_BUDGET'");
        JsonNode found = api.post(admin, VERIFY, null).json();
        assertEquals(false, found.get("consistent").asBoolean());
        assertEquals(false, found.get("repaired").asBoolean());
        assertTrue(found.get("differences").toString().contains(group), found.toString());
        assertTrue(found.get("differences").toString().contains("allocation_total"), found.toString());

        JsonNode repaired = api.post(admin, VERIFY + "?repair=true", null).json();
        assertEquals(true, repaired.get("repaired").asBoolean());
        assertEquals(2, repaired.get("differences").size(), repaired.toString());
        assertEquals(0, differences(api.post(admin, VERIFY, null)).size(), "consistent after the repair");
        assertEquals("AGGREGATES_REPAIRED by " + admin.username(), lastAction(AuditTrail.AGGREGATES).orElseThrow());
    }

    @Test
    void aGroupKeptInTwoLanesCountsAsTheirSumAndARepairGathersItInLaneOne() throws SQLException {
        Account admin = api.account(Role.ADMIN, null);
        api.approved(api.account(Role.FITKO, null), StateCode.MV, "250000.00");
        String group = "MV/REFERENCE_IMPLEMENTATION/DIGITALISATION_BUDGET/APPROVED/0";
        String where = " WHERE owner_state = 'MV' AND type = 'REFERENCE_IMPLEMENTATION' AND funding_source = 'DIGITALISATION_BUDGET'"
                + " AND status = 'APPROVED' AND year = 0";
        // as if one application of the group had been approved on a second node: its share in lane 2
        update("UPDATE summary_total SET members = members - 1, counted = counted - 1, approved = approved - 250000.00"
                + where + " AND lane = 1");
        update("INSERT INTO summary_total (lane, owner_state, type, funding_source, status, year, members, counted, requested,"
                + " approved, paid) VALUES (2, 'MV', 'REFERENCE_IMPLEMENTATION', 'DIGITALISATION_BUDGET', 'APPROVED', 0, 1, 1, 0.00,"
                + " 250000.00, 0.00)");
        assertEquals(0, differences(api.post(admin, VERIFY, null)).size(), "the lanes add up to the rows");

        update("UPDATE summary_total SET paid = paid + 0.01" + where + " AND lane = 2");
        JsonNode found = api.post(admin, VERIFY, null).json();
        assertEquals(1, found.get("differences").size(), found.toString());
        assertEquals("summary_total", found.get("differences").get(0).get("table").asText(), found.toString());
        assertEquals(group, found.get("differences").get(0).get("group").asText(), found.toString());

        assertEquals(true, api.post(admin, VERIFY + "?repair=true", null).json().get("repaired").asBoolean());
        assertEquals(0, differences(api.post(admin, VERIFY, null)).size(), "consistent after the repair");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lanes = connection.prepareStatement("SELECT lane FROM summary_total" + where);
             ResultSet rows = lanes.executeQuery()) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), "the group's figures are in lane 1");
            assertFalse(rows.next(), "and in no other lane");
        }
    }

    @Test
    void aCheckWithoutRepairLocksNothingTheWritersNeed() throws SQLException {
        Account admin = api.account(Role.ADMIN, null);
        api.approved(api.account(Role.FITKO, null), StateCode.SL, "200000.00");
        try (Connection writer = dataSource.getConnection(); Statement sql = writer.createStatement()) {
            writer.setAutoCommit(false);
            // a writer in the middle of its change holds kept rows of every table until its commit
            sql.executeQuery("SELECT * FROM summary_total FOR UPDATE").close();
            sql.executeQuery("SELECT * FROM allocation_total FOR UPDATE").close();
            sql.executeQuery("SELECT * FROM payment_total FOR UPDATE").close();
            long started = System.nanoTime();
            Response checked = api.post(admin, VERIFY, null);
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            writer.rollback();
            assertEquals(0, differences(checked).size(), checked.body());
            assertTrue(seconds < 5, "the check waited " + seconds + " s for the writer's locks");
        }
    }

    @Test
    void onlyAnAdministratorVerifies() {
        for (Role role : new Role[]{Role.FITKO, Role.FINANCE}) {
            assertEquals(403, api.post(api.account(role, null), VERIFY + "?repair=true", null).status());
        }
        assertEquals(403, api.post(api.account(Role.STATE, StateCode.MV), VERIFY, null).status());
        assertEquals(401, api.send("POST", VERIFY, null, null, Map.of()).status());
    }

    @Test
    void theCommandLineReportsAndRepairs() throws SQLException {
        api.approved(api.account(Role.FITKO, null), StateCode.MV, "100000.00");
        assertEquals(Optional.of(true), VerifyAggregatesCommand.requested(new String[]{"--verify-aggregates=repair"}));
        assertEquals(Optional.of(false), VerifyAggregatesCommand.requested(new String[]{"--verify-aggregates"}));
        assertEquals(Optional.empty(), VerifyAggregatesCommand.requested(new String[]{}));

        assertEquals(0, runCommand(false).exitCode, "consistent");
        update("UPDATE summary_total SET members = members + 1 WHERE owner_state = 'MV' AND status = 'APPROVED' AND year = 0"
                + " AND type = 'REFERENCE_IMPLEMENTATION' AND funding_source = 'DIGITALISATION_BUDGET' AND lane = 1");
        Run found = runCommand(false);
        assertEquals(1, found.exitCode);
        assertTrue(found.output.contains("summary_total MV/REFERENCE_IMPLEMENTATION/DIGITALISATION_BUDGET/APPROVED/0"), found.output);
        assertEquals(1, runCommand(true).exitCode, "differences found, then repaired");
        assertEquals(0, runCommand(false).exitCode, "consistent after the repair");
        assertEquals("AGGREGATES_REPAIRED by command-line:" + System.getProperty("user.name"),
                lastAction(AuditTrail.AGGREGATES).orElseThrow(), "the operating-system account that repaired");
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * The command as an operator runs it: a context of its own, configured to reach this test's database
     * (started embedded or not), as {@code DATASOURCES_DEFAULT_URL} and its credentials would.
     */
    private Run runCommand(boolean repair) {
        Map<String, String> connection = Map.of("datasources.default.url", database.getUrl(),
                "datasources.default.username", database.getUsername(),
                "datasources.default.password", database.getPassword() == null ? "" : database.getPassword());
        connection.forEach(System::setProperty);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exitCode = VerifyAggregatesCommand.run(repair, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8));
        } finally {
            connection.keySet().forEach(System::clearProperty);
        }
    }

    private static JsonNode differences(Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json().get("differences");
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    private Optional<String> lastAction(String envelope) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT action, actor FROM audit_event WHERE subject_envelope = ? ORDER BY id DESC LIMIT 1")) {
            statement.setString(1, envelope);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1) + " by " + rows.getString(2)) : Optional.empty();
            }
        }
    }
}
