package de.foerderregister.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes sent messages after {@code registry.notifications.retention} (90 days): a mail holds an
 * address and what it told, which the registry needs no longer than it takes to answer "was I told?".
 * The audit trail keeps the change itself. Messages given up (FAILED) stay until an operator has seen
 * them; PENDING ones are still owed.
 */
@Singleton
class OutboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);
    /** Rows per statement, so a first purge of a large outbox holds no long lock. */
    static final int CHUNK = 1000;

    private final OutboxRepository messages;
    private final NotificationSettings settings;
    private final Clock clock;

    OutboxRetention(OutboxRepository messages, NotificationSettings settings, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every hour, beside the timer mails. */
    @Scheduled(fixedDelay = "1h", initialDelay = "${registry.notifications.timer-delay:1m}")
    void purgeHourly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // a lost database must not stop the timer; the next run deletes what this one left
            LOG.warn("Could not delete old outbox messages; the next run tries again: {}", e.toString());
        }
    }

    /** Answers how many messages were deleted. */
    long purge() {
        Instant before = clock.instant().minus(settings.retention());
        long deleted = 0;
        int chunk;
        do {
            chunk = messages.deleteSentBefore(before, CHUNK);
            deleted += chunk;
        } while (chunk == CHUNK);
        if (deleted > 0) {
            LOG.info("Deleted {} outbox message(s) sent before {}", deleted, before);
        }
        return deleted;
    }
}
