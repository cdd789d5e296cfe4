package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What a budget summary covers; every part is optional. {@code fundingSource}, {@code status} and
 * {@code ownerState} select applications, {@code year} narrows the amounts to one calendar year's
 * parts, and {@code asOf} takes each approved amount as it stood on that day.
 */
@Serdeable
public record BudgetFilter(@Nullable Integer year, @Nullable FundingSource fundingSource, @Nullable Status status,
                           @Nullable StateCode ownerState, @Nullable LocalDate asOf) {

    /** The same filter for another owner state: how a STATE caller's scope is applied. */
    BudgetFilter withOwnerState(StateCode state) {
        return new BudgetFilter(year, fundingSource, status, state, asOf);
    }
}
