package de.foerderregister.obligation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The reporting rules that the funding conditions may set differently.
 *
 * @param interimDue                 month and day ({@code MM-dd}) of the year after an interim report's
 *                                   year on which it falls due; ANBest-P 6.1: 30 April
 * @param finalDueMonths             months after the runtime's end on which the final report falls due
 * @param blockPaymentsWhenOverdue   whether an overdue report stops new payment requests of its application
 */
@ConfigurationProperties("registry.obligations")
public record ObligationSettings(@Bindable(defaultValue = "04-30") String interimDue,
                                 @Bindable(defaultValue = "6") int finalDueMonths,
                                 @Bindable(defaultValue = "true") boolean blockPaymentsWhenOverdue) {
}
