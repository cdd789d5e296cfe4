package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An application's editable content after {@link ApplicationRules} accepted it: complete and normalised. */
public record ApplicationContent(
        String title,
        StateCode ownerState,
        ApplicationType type,
        FundingSource fundingSource,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal requestedAmount,
        List<AnnualPlanEntry> annualPlan,
        @Nullable String notes) {
}
