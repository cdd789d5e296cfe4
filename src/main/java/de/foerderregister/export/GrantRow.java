package de.foerderregister.export;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An approved application with the meeting day of its approving decision and what was paid out of it: one grant. */
@Introspected
public record GrantRow(long id, String reference, String title, @Nullable String notes, StateCode ownerState,
                       FundingSource fundingSource, LocalDate startDate, LocalDate endDate,
                       BigDecimal requestedAmount, BigDecimal approvedAmount, LocalDate awardDate,
                       BigDecimal disbursedAmount, Instant updatedAt) {
}
