package de.foerderregister.notification;

import de.foerderregister.system.Purge;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes sent messages after {@code registry.notifications.retention} (90 days): a mail holds an
 * address and what it told, which the registry needs no longer than it takes to answer "was I told?".
 * The audit trail keeps the change itself. Messages given up (FAILED) stay until an operator has seen
 * them; PENDING ones are still owed.
 */
@Singleton
class OutboxRetention implements Purge {

    private final OutboxRepository messages;
    private final NotificationSettings settings;
    private final Clock clock;

    OutboxRetention(OutboxRepository messages, NotificationSettings settings, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String subject() {
        return "outbox message(s) sent more than " + settings.retention() + " ago";
    }

    @Override
    public long purge() {
        Instant before = clock.instant().minus(settings.retention());
        long deleted = 0;
        int chunk;
        do {
            chunk = messages.deleteSentBefore(before, CHUNK);
            deleted += chunk;
        } while (chunk == CHUNK);
        return deleted;
    }
}
