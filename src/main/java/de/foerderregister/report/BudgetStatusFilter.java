package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a Haushaltsübersicht covers: one calendar year or all, one funding source or both. */
@Serdeable
public record BudgetStatusFilter(@Nullable Integer year, @Nullable FundingSource fundingSource) {
}
