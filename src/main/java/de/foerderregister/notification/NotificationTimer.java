package de.foerderregister.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer mails: report reminders and the weekly digest, every hour and once shortly after the
 * start. Every instance runs it; the outbox's dedup keys make each mail once-only, so no instance
 * needs to be the one that sends (see {@link ObligationReminders}, {@link WeeklyDigest}).
 */
@Singleton
public class NotificationTimer {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationTimer.class);

    private final ObligationReminders reminders;
    private final WeeklyDigest digest;

    NotificationTimer(ObligationReminders reminders, WeeklyDigest digest) {
        this.reminders = reminders;
        this.digest = digest;
    }

    @Scheduled(fixedDelay = "${registry.notifications.timer-interval:1h}",
            initialDelay = "${registry.notifications.timer-delay:1m}")
    public void run() {
        try {
            reminders.remind();
            digest.send();
        } catch (RuntimeException e) {
            // a lost database must not stop the timer; the next run writes what this one missed
            LOG.warn("Could not write the timer mails; the next run tries again: {}", e.toString());
        }
    }
}
