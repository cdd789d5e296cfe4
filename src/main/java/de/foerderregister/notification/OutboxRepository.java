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

    /** Removes the unsent messages of a kind about an application; see {@link Outbox#takeBack}. */
    @Query("""
            DELETE FROM outbox_message
            WHERE application_id = :applicationId AND kind = :kind AND status = 'PENDING' AND claimed_by IS NULL""")
    void deleteUnsent(long applicationId, String kind);
}
