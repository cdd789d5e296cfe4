package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** What the kept tables hold for one funding source × year; {@link BudgetStatusLine} derives the rest. */
@Introspected
record BudgetStatusSums(FundingSource fundingSource, int year, @Nullable BigDecimal envelope, BigDecimal committed,
                        BigDecimal paid) {
}
