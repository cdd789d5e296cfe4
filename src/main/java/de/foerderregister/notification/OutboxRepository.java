package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends GenericRepository<OutboxMessage, Long> {

    /**
     * Writes a PENDING message due at once. A message whose {@code dedup_key} is already there is not
     * written again: two instances running the same timer write one mail.
     */
    @Query("""
            INSERT INTO outbox_message (message_id, kind, dedup_key, application_id, recipient_username,
                                        recipient_address, language, subject, text_body, html_body, status, attempts,
                                        created_at, next_attempt_at)
            VALUES (:messageId, :kind, :dedupKey, :applicationId, :recipientUsername, :recipientAddress, :language,
                    :subject, :textBody, :htmlBody, 'PENDING', 0, :createdAt, :createdAt)
            ON DUPLICATE KEY UPDATE id = id""")
    void insert(String messageId, String kind, @Nullable String dedupKey, @Nullable Long applicationId,
                String recipientUsername, String recipientAddress, String language, String subject, String textBody,
                String htmlBody, Instant createdAt);

    List<OutboxMessage> findByApplicationIdOrderById(long applicationId);

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
    List<OutboxMessage> findDueForUpdate(Instant now, int batch);

    @Query("UPDATE outbox_message SET claimed_by = :token, claimed_until = :until WHERE id = :id")
    void claim(long id, String token, Instant until);

    /** Marks a message sent, if the claim is still this worker's; 0: the lease had run out and passed on. */
    @Query("""
            UPDATE outbox_message SET status = 'SENT', sent_at = :sentAt, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND claimed_by = :token""")
    int markSent(long id, String token, Instant sentAt);

    /** Records a failed attempt and gives up the claim; {@code status} PENDING tries again at {@code nextAttemptAt}. */
    @Query("""
            UPDATE outbox_message SET status = :status, attempts = :attempts, last_error = :error,
                                      next_attempt_at = :nextAttemptAt, claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND claimed_by = :token""")
    int recordFailure(long id, String token, String status, int attempts, String error, Instant nextAttemptAt);

    /** Gives up a claim without an attempt, for another round to take. */
    @Query("UPDATE outbox_message SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :token")
    int release(long id, String token);

    long countByStatus(OutboxStatus status);

    /** When the oldest message still to be sent was written; null: none is waiting. */
    @Query("SELECT MIN(created_at) FROM outbox_message WHERE status = 'PENDING'")
    @Nullable
    Instant findOldestPendingCreatedAt();

    /** Removes the unsent messages of a kind about an application; see {@link Outbox#takeBack}. */
    @Query("""
            DELETE FROM outbox_message
            WHERE application_id = :applicationId AND kind = :kind AND status = 'PENDING' AND claimed_by IS NULL""")
    void deleteUnsent(long applicationId, String kind);

    /**
     * Removes the unsent messages to a recipient ({@code :kind} null: of every kind) that no live claim
     * holds; see {@link RecipientChanges}.
     */
    @Query("""
            DELETE FROM outbox_message
            WHERE recipient_username = :username AND (:kind IS NULL OR kind = :kind) AND status = 'PENDING'
              AND (claimed_until IS NULL OR claimed_until < :now)""")
    void deleteUnsentTo(String username, @Nullable String kind, Instant now);

    /** Deletes up to {@code :limit} messages sent before {@code :before}; answers how many. */
    @Query("DELETE FROM outbox_message WHERE status = 'SENT' AND sent_at < :before LIMIT :limit")
    int deleteSentBefore(Instant before, int limit);
}
