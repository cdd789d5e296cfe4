package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One mail to one recipient, rendered when its change was committed and sent by the
 * {@code OutboxWorker} afterwards. {@code messageId} is the Message-ID header on every attempt.
 */
@MappedEntity("outbox_message")
public record OutboxMessage(
        @Id @GeneratedValue @Nullable Long id,
        String messageId,
        NotificationKind kind,
        @Nullable String dedupKey,
        @Nullable Long applicationId,
        String recipientUsername,
        String recipientAddress,
        String language,
        String subject,
        String textBody,
        String htmlBody,
        OutboxStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable Instant sentAt,
        @Nullable String lastError) {
}
