package de.foerderregister.audit;

import de.foerderregister.db.MultiRowInsert;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Sealed events inserted by multi-row INSERTs on the caller's transaction (Micronaut Data does not
 * batch inserts for the MYSQL dialect), for {@link AuditTrail#recordAll}. Values are bound as the
 * repository binds them, so the stored event is the one that was hashed.
 */
@Singleton
class AuditBatches {

    private static final String INSERT = """
            INSERT INTO audit_event (application_id, occurred_at, actor, actor_role, action, changes, key_id,
              previous_hash, hash, lane)""";

    private final DataSource dataSource;

    AuditBatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the events of applications in order and answers their ids, in the same order. The
     * caller holds the head's lock of their lane, so every event of the lane after {@code afterId} is one
     * of these (other lanes write meanwhile).
     */
    List<Long> insert(List<AuditEvent> events, int lane, long afterId) {
        try (Connection connection = dataSource.getConnection()) {
            for (List<AuditEvent> slice : MultiRowInsert.slices(events)) {
                insertSlice(connection, slice);
            }
            List<Long> ids = new ArrayList<>(events.size());
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM audit_event WHERE id > ? AND lane = ? ORDER BY id")) {
                query.setLong(1, afterId);
                query.setInt(2, lane);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.size() != events.size()) {
                throw new IllegalStateException("found " + ids.size() + " of " + events.size() + " audit events after " + afterId);
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("inserting " + events.size() + " audit events failed: " + e.getMessage(), e);
        }
    }

    private static void insertSlice(Connection connection, List<AuditEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(MultiRowInsert.sql(INSERT, 10, events.size()))) {
            int at = 0;
            for (AuditEvent event : events) {
                insert.setLong(at + 1, event.applicationId());
                insert.setTimestamp(at + 2, Timestamp.from(event.occurredAt()));
                insert.setString(at + 3, event.actor());
                insert.setString(at + 4, event.actorRole().name());
                insert.setString(at + 5, event.action().name());
                insert.setString(at + 6, event.changes());
                insert.setString(at + 7, event.keyId());
                insert.setString(at + 8, event.previousHash());
                insert.setString(at + 9, event.hash());
                insert.setInt(at + 10, event.lane());
                at += 10;
            }
            insert.executeUpdate();
        }
    }
}
