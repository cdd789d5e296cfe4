package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a client may write on create and edit. Status, approved amount, reference and version
 * are not here, so no client can set them. Every field is optional at the JSON level so that
 * {@link ApplicationRules} can name each missing one.
 */
@Serdeable
public record ApplicationCommand(
        @Nullable String title,
        @Nullable StateCode ownerState,
        @Nullable ApplicationType type,
        @Nullable FundingSource fundingSource,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable BigDecimal requestedAmount,
        @Nullable List<AnnualPlanEntry> annualPlan,
        @Nullable String notes) {
}
