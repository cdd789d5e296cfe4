package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;

/** A mail to one recipient as the {@link Outbox} writes it: rendered, not yet sent. */
record NewMessage(String messageId, NotificationKind kind, @Nullable String dedupKey, @Nullable Long applicationId,
                  String recipientUsername, String recipientAddress, String language, String subject, String textBody,
                  String htmlBody) {
}
