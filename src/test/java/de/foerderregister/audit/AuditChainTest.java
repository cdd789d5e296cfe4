package de.foerderregister.audit;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.StateCode;
import de.foerderregister.db.OtherLane;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail is an HMAC chain anchored outside the database: altering, removing or planting
 * events through SQL is found, and where — also when the intruder recomputes the hashes. Each attack
 * is repaired afterwards, because every test class shares one database. Anchors are only written
 * when a test asks for one, so that no anchor ever records a head while it is forged.
 */
@MicronautTest(transactional = false)
@Property(name = "registry.audit.anchor-every", value = "1000000000")
@Property(name = "registry.audit.anchor-interval", value = "1h")
class AuditChainTest {

    @Inject
    TestApi api;

    @Inject
    AuditRepository events;

    @Inject
    AnchorLog anchors;

    @Inject
    DatasourceConfiguration datasource;

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
    void anAlteredEnvelopeEventIsFoundAndNamed() throws SQLException {
        Account finance = api.account(Role.FINANCE, null);
        int year = api.unusedYears(2);
        String path = "/api/budget/envelopes/DIGITALISATION_BUDGET/" + year;
        assertEquals(200, api.put(finance, path, Map.of("amount", "4980000.00", "reason", "TOP 07"), Map.of()).status());
        long event = api.get(fitko, path + "/history").json().get(0).get("id").asLong();
        assertIntact();
        for (String[] alteration : List.of(
                new String[] {"changes", column(event, "changes").replace("4980000.00", "9980000.00")},
                // the same event, told to be another year's envelope
                new String[] {"subject_envelope", "DIGITALISATION_BUDGET/" + (year + 1)})) {
            String original = column(event, alteration[0]);
            try {
                update("UPDATE audit_event SET " + alteration[0] + " = ? WHERE id = ?", alteration[1], event);
                JsonNode verification = api.get(fitko, "/api/audit/verify").json();
                assertFalse(verification.get("intact").asBoolean(), alteration[0]);
                assertEquals(event, verification.get("firstBrokenEventId").asLong(), verification.toString());
                assertTrue(verification.get("problem").asText().contains("altered"), verification.toString());
            } finally {
                update("UPDATE audit_event SET " + alteration[0] + " = ? WHERE id = ?", original, event);
            }
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

    @Test
    void anEventRehashedWithPlainSha256FromThereOnIsFound() throws SQLException {
        long id = api.submitted(fitko, StateCode.HH);
        api.post(fitko, "/api/applications/" + id + "/withdraw", null);
        assertIntact();
        long altered = eventIds(id)[0];
        // the intruder knows the old formula and recomputes it for the altered event and every later one
        JsonNode verification = rewritten(altered, (event, previous) -> new String[] {AuditKeys.LEGACY, event.legacyHash(previous)});
        assertFalse(verification.get("intact").asBoolean(), verification.toString());
        assertEquals(altered, verification.get("firstBrokenEventId").asLong(), verification.toString());
        assertTrue(verification.get("problem").asText().contains("plain SHA-256"), verification.toString());
        assertIntact();
    }

    @Test
    void anEventRehashedWithAGuessedKeyIsFound() throws SQLException {
        long id = api.submitted(fitko, StateCode.HB);
        assertIntact();
        long altered = eventIds(id)[0];
        byte[] guessed = new byte[32];
        new SecureRandom().nextBytes(guessed);
        AuditKey guess = new AuditKey("k1", guessed);
        JsonNode verification = rewritten(altered, (event, previous) -> new String[] {guess.id(), event.keyedHash(guess, previous)});
        assertFalse(verification.get("intact").asBoolean(), verification.toString());
        assertEquals(altered, verification.get("firstBrokenEventId").asLong(), verification.toString());
        assertTrue(verification.get("problem").asText().contains("altered"), verification.toString());
        assertIntact();
    }

    @Test
    void theNewestEventsRemovedWithTheHeadRolledBackAreFoundUpToTheLastAnchor() throws SQLException {
        long id = api.submitted(fitko, StateCode.BB);
        api.post(fitko, "/api/applications/" + id + "/withdraw", null);
        long[] ids = eventIds(id);
        anchors.anchorIfMoved();
        assertEquals(ids[2], api.get(fitko, "/api/audit/verify").json().get("lastAnchoredEventId").asLong());
        Map<String, Object> head = head();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Map<String, Object>> removed = List.of(row(connection, ids[1]), row(connection, ids[2]));
            execute(connection, "DELETE FROM audit_event WHERE id >= ?", ids[1]);
            execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 1",
                    ids[0], row(connection, ids[0]).get("hash"));
            connection.commit();
            try {
                JsonNode verification = api.get(fitko, "/api/audit/verify").json();
                assertFalse(verification.get("intact").asBoolean(), verification.toString());
                assertEquals(ids[2], verification.get("firstBrokenEventId").asLong(), verification.toString());
                assertTrue(verification.get("problem").asText().contains("removed"), verification.toString());
            } finally {
                for (Map<String, Object> row : removed) {
                    restore(connection, row);
                }
                execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 1",
                        head.get("last_event_id"), head.get("last_hash"));
                connection.commit();
            }
        }
        assertIntact();
    }

    @Test
    void aPlantedEventIsNeitherSealedAtStartNorAccepted() throws SQLException {
        long id = api.submitted(fitko, StateCode.SH);
        assertIntact();
        Map<String, Object> head = head();
        long planted;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_event (application_id, occurred_at, actor, actor_role, action, changes) "
                             + "VALUES (?, ?, 'intruder', 'FITKO', 'DECIDED', '[]')", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, id);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                planted = keys.getLong(1);
            }
        }
        try {
            // a start of the registry used to seal unhashed events into the chain
            try (ApplicationContext restarted = ApplicationContext.run(Map.of(
                    "datasources.default.url", datasource.getJdbcUrl(),
                    "datasources.default.username", datasource.getUsername(),
                    "datasources.default.password", datasource.getPassword() == null ? "" : datasource.getPassword(),
                    "registry.demo-data.enabled", false), "test")) {
                assertTrue(restarted.isRunning());
            }
            assertNull(column(planted, "hash"), "a start sealed the planted event");
            JsonNode verification = api.get(fitko, "/api/audit/verify").json();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            assertEquals(planted, verification.get("firstBrokenEventId").asLong(), verification.toString());
            assertTrue(verification.get("problem").asText().contains("planted"), verification.toString());

            // hashed the old way, linked and made the head: still refused, the legacy chain is closed
            AuditEvent event = events.findTop1000ByIdGreaterThanOrderById(planted - 1).get(0);
            String previous = head.get("last_hash").toString();
            try (Connection connection = dataSource.getConnection()) {
                execute(connection, "UPDATE audit_event SET key_id = 'sha256', previous_hash = ?, hash = ? WHERE id = ?",
                        previous, event.legacyHash(previous), planted);
                execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 1",
                        planted, event.legacyHash(previous));
            }
            verification = api.get(fitko, "/api/audit/verify").json();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            assertEquals(planted, verification.get("firstBrokenEventId").asLong(), verification.toString());
            assertTrue(verification.get("problem").asText().contains("planted"), verification.toString());
        } finally {
            try (Connection connection = dataSource.getConnection()) {
                execute(connection, "DELETE FROM audit_event WHERE id = ?", planted);
                execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 1",
                        head.get("last_event_id"), head.get("last_hash"));
            }
        }
        assertIntact();
    }

    /** What the intruder writes for an event: its key id and its hash after the previous one. */
    private interface Forgery {
        String[] of(AuditEvent event, String previous);
    }

    /**
     * Alters the event's content, then recomputes the hashes of it and of every later event and moves
     * the head, as someone with SQL access and the source code would; answers verify and repairs.
     */
    private JsonNode rewritten(long fromId, Forgery forgery) throws SQLException {
        List<AuditEvent> original = new ArrayList<>();
        for (List<AuditEvent> chunk = events.findTop1000ByIdGreaterThanOrderById(fromId - 1); !chunk.isEmpty();
             chunk = events.findTop1000ByIdGreaterThanOrderById(chunk.get(chunk.size() - 1).id())) {
            original.addAll(chunk);
        }
        Map<String, Object> head = head();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String previous = original.get(0).previousHash();
            for (int i = 0; i < original.size(); i++) {
                AuditEvent event = original.get(i);
                String changes = i == 0 ? event.changes().replace("1011500.00", "9011500.00") : event.changes();
                AuditEvent forged = new AuditEvent(event.id(), event.applicationId(), event.occurredAt(), event.actor(),
                        event.actorRole(), event.action(), changes, null, null, null, event.subjectUsername(),
                        event.subjectEnvelope(), event.lane());
                String[] sealed = forgery.of(forged, previous);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_event SET changes = ?, key_id = ?, previous_hash = ?, hash = ? WHERE id = ?")) {
                    update.setString(1, changes);
                    update.setString(2, sealed[0]);
                    update.setString(3, previous);
                    update.setString(4, sealed[1]);
                    update.setLong(5, event.id());
                    update.executeUpdate();
                }
                previous = sealed[1];
            }
            execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 1",
                    original.get(original.size() - 1).id(), previous);
            connection.commit();
            try {
                return api.get(fitko, "/api/audit/verify").json();
            } finally {
                for (AuditEvent event : original) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE audit_event SET changes = ?, key_id = ?, previous_hash = ?, hash = ? WHERE id = ?")) {
                        update.setString(1, event.changes());
                        update.setString(2, event.keyId());
                        update.setString(3, event.previousHash());
                        update.setString(4, event.hash());
                        update.setLong(5, event.id());
                        update.executeUpdate();
                    }
                }
                execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 1",
                        head.get("last_event_id"), head.get("last_hash"));
                connection.commit();
            }
        }
    }

    @Test
    void anEventRemovedFromTheMiddleOfLaneTwoIsFoundAtItsNextEvent() throws SQLException {
        long[] ids = laneTwoEvents();
        assertIntact();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Map<String, Object> removed = row(connection, ids[1]);
            execute(connection, "DELETE FROM audit_event WHERE id = ?", ids[1]);
            connection.commit();
            try {
                JsonNode verification = api.get(fitko, "/api/audit/verify").json();
                assertFalse(verification.get("intact").asBoolean(), verification.toString());
                assertEquals(ids[2], verification.get("firstBrokenEventId").asLong(), verification.toString());
                assertTrue(verification.get("problem").asText().contains("lane 2 (an event was removed"), verification.toString());
            } finally {
                restore(connection, removed);
                connection.commit();
            }
        }
        assertIntact();
    }

    @Test
    void theNewestEventsOfLaneTwoRemovedWithItsHeadRolledBackAreFoundByItsAnchor() throws SQLException {
        long[] ids = laneTwoEvents();
        anchors.anchorIfMoved();
        assertIntact();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Map<String, Object>> removed = List.of(row(connection, ids[1]), row(connection, ids[2]));
            execute(connection, "DELETE FROM audit_event WHERE id IN (?, ?)", ids[1], ids[2]);
            execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 2",
                    ids[0], row(connection, ids[0]).get("hash"));
            connection.commit();
            try {
                JsonNode verification = api.get(fitko, "/api/audit/verify").json();
                assertFalse(verification.get("intact").asBoolean(), verification.toString());
                assertEquals(ids[2], verification.get("firstBrokenEventId").asLong(), verification.toString());
                assertTrue(verification.get("problem").asText().contains("the chain of lane 2 ends at event " + ids[0]),
                        verification.toString());
                assertTrue(verification.get("problem").asText().contains("head rolled back"), verification.toString());
            } finally {
                for (Map<String, Object> row : removed) {
                    restore(connection, row);
                }
                execute(connection, "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ? WHERE lane = 2",
                        ids[2], row(connection, ids[2]).get("hash"));
                connection.commit();
            }
        }
        assertIntact();
    }

    @Test
    void anEventMovedFromLaneTwoIntoLaneOneIsFound() throws SQLException {
        long[] ids = laneTwoEvents();
        assertIntact();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "UPDATE audit_event SET lane = 1 WHERE id = ?", ids[1]);
            try {
                JsonNode verification = api.get(fitko, "/api/audit/verify").json();
                assertFalse(verification.get("intact").asBoolean(), verification.toString());
                assertEquals(ids[1], verification.get("firstBrokenEventId").asLong(), verification.toString());
                assertTrue(verification.get("problem").asText().contains("lane 1 (an event was removed, reordered or moved"),
                        verification.toString());
            } finally {
                execute(connection, "UPDATE audit_event SET lane = 2 WHERE id = ?", ids[1]);
            }
        }
        assertIntact();
    }

    /**
     * The events of a new application, created, submitted and withdrawn in lane 2 by a second registry
     * ({@link OtherLane}) that is closed again: none but this test's writes in lane 2 follow them.
     */
    private long[] laneTwoEvents() {
        Account applicant = api.applicant(StateCode.HH);
        try (OtherLane second = new OtherLane(datasource, Map.of("registry.audit.anchor-every", "1000000000",
                "registry.audit.anchor-interval", "1h"))) {
            long id = second.submitted(applicant);
            second.bean(ApplicationService.class).withdraw(new Caller(applicant.username(), applicant.role(), applicant.state()),
                    id, null);
            long[] ids = eventIds(id);
            assertEquals(3, ids.length);
            return ids;
        }
    }

    private Map<String, Object> head() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT last_event_id, last_hash FROM audit_chain_head WHERE lane = 1");
             ResultSet result = select.executeQuery()) {
            assertTrue(result.next());
            Map<String, Object> head = new HashMap<>();
            head.put("last_event_id", result.getObject(1));
            head.put("last_hash", result.getObject(2));
            return head;
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
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
            Object value = row(connection, eventId).get(column);
            return value == null ? null : value.toString();
        }
    }

    private static Map<String, Object> row(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_event WHERE id = ?")) {
            select.setLong(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next());
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                return row;
            }
        }
    }

    private static void restore(Connection connection, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (" + columns + ") VALUES (" + marks + ")")) {
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
