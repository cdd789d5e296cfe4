package de.foerderregister.notification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.DayOfWeek;
import java.time.Duration;

/**
 * Where mails go and how hard the outbox tries.
 *
 * @param enabled      whether this instance sends the outbox (the outbox is written either way)
 * @param from         the sender address
 * @param pollInterval how often the worker looks for due messages
 * @param batchSize    how many messages one claim takes
 * @param lease        how long a claim holds; a claim older than this is taken over (its instance died)
 * @param maxAttempts  attempts before a message is given up as FAILED
 * @param backoff      the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff   the longest wait between two attempts
 * @param dueWithin    a report due within this many days is reminded of; one overdue for at most as many
 *                     days is told of as overdue (older ones are in the weekly digest)
 * @param digestDay    the day of the week (Europe/Berlin) the weekly digest is written on
 * @param retention    how long a sent message (its address and text) is kept; then it is deleted. Long
 *                     enough to outlive every timer mail's once-only window, which its row keeps.
 */
@ConfigurationProperties("registry.notifications")
public record NotificationSettings(@Bindable(defaultValue = "true") boolean enabled,
                                   @Bindable(defaultValue = "foerderregister@localhost") String from,
                                   @Bindable(defaultValue = "5s") Duration pollInterval,
                                   @Bindable(defaultValue = "50") int batchSize,
                                   @Bindable(defaultValue = "2m") Duration lease,
                                   @Bindable(defaultValue = "12") int maxAttempts,
                                   @Bindable(defaultValue = "30s") Duration backoff,
                                   @Bindable(defaultValue = "1h") Duration maxBackoff,
                                   @Bindable(defaultValue = "14") int dueWithin,
                                   @Bindable(defaultValue = "MONDAY") DayOfWeek digestDay,
                                   @Bindable(defaultValue = "90d") Duration retention) {

    public NotificationSettings {
        // a reminder's row is what keeps it once-only: deleted while its report is still in the
        // due or overdue window, the reminder would be written again
        Duration shortest = Duration.ofDays(2L * dueWithin + 7);
        if (retention.compareTo(shortest) < 0) {
            throw new IllegalArgumentException("registry.notifications.retention (" + retention + ") must be at least "
                    + shortest.toDays() + " days: twice registry.notifications.due-within and a week");
        }
    }
}
