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
                                   @Bindable(defaultValue = "MONDAY") DayOfWeek digestDay) {
}
