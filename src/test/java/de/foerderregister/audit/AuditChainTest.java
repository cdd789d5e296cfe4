package de.foerderregister.audit;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail is a hash chain: altering or removing an event through SQL is found, and where. */
@MicronautTest(transactional = false)
class AuditChainTest {

    @Inject
    TestApi api;

    DataSource dataSource;

    @Inject
    void dataSource(DataSource contextual) {
        // plain connections, outside the registry's transaction management: as an intruder would have
        this.dataSource = DelegatingDataSource.unwrapDataSource(contextual);
    }

    Account fitko;

    @BeforeEach
    void account() {
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void onlyFitkoAndAdminMayVerify() {
        assertEquals(200, api.get(fitko, "/api/audit/verify").status());
        assertEquals(200, api.get(api.account(Role.ADMIN, null), "/api/audit/verify").status());
        assertEquals(403, api.get(api.account(Role.FINANCE, null), "/api/audit/verify").status());
        assertEquals(403, api.get(api.account(Role.STATE, StateCode.NW), "/api/audit/verify").status());
    }

    @Test
    void anAlteredEventIsFoundAndNamed() throws SQLException {
        long id = api.submitted(StateCode.HH);
        assertIntact();
        long created = eventIds(id)[0];
        String original = column(created, "changes");
        try {
            update("UPDATE audit_event SET changes = ? WHERE id = ?", original.replace("1011500.00", "9011500.00"), created);
            JsonNode verification = api.get(fitko, "/api/audit/verify").json();
            assertFalse(verification.get("intact").asBoolean());
            assertEquals(created, verification.get("firstBrokenEventId").asLong());
            assertTrue(verification.get("problem").asText().contains("altered"), verification.toString());
        } finally {
            update("UPDATE audit_event SET changes = ? WHERE id = ?", original, created);
        }
        assertIntact();
    }

    @Test
    void aRemovedEventIsFoundAtTheEventAfterIt() throws SQLException {
        long id = api.submitted(StateCode.HH);
        api.post(fitko, "/api/applications/" + id + "/withdraw", null);
        long[] events = eventIds(id);
        long removed = events[1];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Map<String, Object> row = row(connection, removed);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_event WHERE id = ?")) {
                delete.setLong(1, removed);
                delete.executeUpdate();
            }
            connection.commit();
            try {
                JsonNode verification = api.get(fitko, "/api/audit/verify").json();
                assertFalse(verification.get("intact").asBoolean());
                assertEquals(events[2], verification.get("firstBrokenEventId").asLong(), verification.toString());
                assertTrue(verification.get("problem").asText().contains("removed"), verification.toString());
            } finally {
                restore(connection, row);
                connection.commit();
            }
        }
        assertIntact();
    }

    private void assertIntact() {
        JsonNode verification = api.get(fitko, "/api/audit/verify").json();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertTrue(verification.get("eventsChecked").asLong() > 0);
    }

    private long[] eventIds(long applicationId) {
        JsonNode history = api.get(fitko, "/api/applications/" + applicationId + "/history").json();
        long[] ids = new long[history.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = history.get(i).get("id").asLong();
        }
        return ids;
    }

    private String column(long eventId, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return row(connection, eventId).get(column).toString();
        }
    }

    private static Map<String, Object> row(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, application_id, occurred_at, actor, actor_role, action, changes, previous_hash, hash FROM audit_event WHERE id = ?")) {
            select.setLong(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next());
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                return row;
            }
        }
    }

    private static void restore(Connection connection, Map<String, Object> row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_event (id, application_id, occurred_at, actor, actor_role, action, changes, previous_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            for (Object value : row.values()) {
                insert.setObject(i++, value);
            }
            insert.executeUpdate();
        }
    }

    private void update(String sql, String value, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
