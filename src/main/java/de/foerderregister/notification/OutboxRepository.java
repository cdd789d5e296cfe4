package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
abstract class OutboxRepository implements GenericRepository<OutboxMessage, Long> {

    /**
     * Writes a PENDING message due at once per recipient; a message whose {@code dedup_key} is already
     * there is not written again: two instances running the same timer write one mail.
     */
    private static final String INSERT = """
            INSERT INTO outbox_message (message_id, kind, dedup_key, application_id, recipient_username,
                                        recipient_address, language, subject, text_body, html_body, status, attempts,
                                        created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
            ON DUPLICATE KEY UPDATE id = id""";

    private final JdbcOperations jdbc;

    OutboxRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the messages of one letter as one JDBC batch on the transaction's connection: one round
     * trip for any number of recipients (Micronaut Data does not batch inserts for MariaDB).
     */
    void insertAll(List<NewMessage> messages, Instant createdAt) {
        if (messages.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(createdAt);
        jdbc.prepareStatement(INSERT, statement -> {
            for (NewMessage message : messages) {
                statement.setString(1, message.messageId());
                statement.setString(2, message.kind().name());
                statement.setString(3, message.dedupKey());
                statement.setObject(4, message.applicationId(), Types.BIGINT);
                statement.setString(5, message.recipientUsername());
                statement.setString(6, message.recipientAddress());
                statement.setString(7, message.language());
                statement.setString(8, message.subject());
                statement.setString(9, message.textBody());
                statement.setString(10, message.htmlBody());
                statement.setTimestamp(11, at);
                statement.setTimestamp(12, at);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    abstract List<OutboxMessage> findByApplicationIdOrderById(long applicationId);

    /**
     * The due messages no live claim holds, oldest first, locked for the claiming transaction. Rows
     * another instance is claiming right now are skipped, not waited for: two workers take two batches.
     */
    @Query("""
            SELECT * FROM outbox_message
            WHERE status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
            ORDER BY next_attempt_at, id
            LIMIT :batch
            FOR UPDATE SKIP LOCKED""")
    abstract List<OutboxMessage> findDueForUpdate(Instant now, int batch);

    @Query("UPDATE outbox_message SET claimed_by = :token, claimed_until = :until WHERE id = :id")
    abstract void claim(long id, String token, Instant until);

    /** Marks a message sent, if the claim is still this worker's; 0: the lease had run out and passed on. */
    @Query("""
            UPDATE outbox_message SET status = 'SENT', sent_at = :sentAt, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND claimed_by = :token""")
    abstract int markSent(long id, String token, Instant sentAt);

    /** Records a failed attempt and gives up the claim; {@code status} PENDING tries again at {@code nextAttemptAt}. */
    @Query("""
            UPDATE outbox_message SET status = :status, attempts = :attempts, last_error = :error,
                                      next_attempt_at = :nextAttemptAt, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND claimed_by = :token""")
    abstract int recordFailure(long id, String token, String status, int attempts, String error, Instant nextAttemptAt);

    /** Gives up a claim without an attempt, for another round to take. */
    @Query("UPDATE outbox_message SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :token")
    abstract int release(long id, String token);

    abstract long countByStatus(OutboxStatus status);

    /** When the oldest message still to be sent was written; null: none is waiting. */
    @Query("SELECT MIN(created_at) FROM outbox_message WHERE status = 'PENDING'")
    @Nullable
    abstract Instant findOldestPendingCreatedAt();

    /** Removes the unsent messages of a kind about an application; see {@link Outbox#takeBack}. */
    @Query("""
            DELETE FROM outbox_message
            WHERE application_id = :applicationId AND kind = :kind AND status = 'PENDING' AND claimed_by IS NULL""")
    abstract void deleteUnsent(long applicationId, String kind);

    /**
     * Removes the unsent messages to a recipient ({@code :kind} null: of every kind) that no live claim
     * holds; see {@link RecipientChanges}.
     */
    @Query("""
            DELETE FROM outbox_message
            WHERE recipient_username = :username AND (:kind IS NULL OR kind = :kind) AND status = 'PENDING'
              AND (claimed_until IS NULL OR claimed_until < :now)""")
    abstract void deleteUnsentTo(String username, @Nullable String kind, Instant now);

    /** Deletes up to {@code :limit} messages sent before {@code :before}; answers how many. */
    @Query("DELETE FROM outbox_message WHERE status = 'SENT' AND sent_at < :before LIMIT :limit")
    abstract int deleteSentBefore(Instant before, int limit);
}
