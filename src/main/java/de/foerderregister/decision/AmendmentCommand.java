package de.foerderregister.decision;

import de.foerderregister.budget.OverCommitmentReason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /api/applications/{id}/amendments}: either a new approved amount, or a VAT rate
 * by which the current amount is raised (e.g. 19, or 16 for the second half of 2020).
 * {@code overCommitment} says why a raise taking effect at once may take an envelope past its amount.
 */
@Serdeable
public record AmendmentCommand(
        @Nullable BigDecimal newApprovedAmount,
        @Nullable BigDecimal vatRatePercent,
        @Nullable String reason,
        @Nullable String body,
        @Nullable LocalDate meetingDate,
        @Nullable String agendaItem,
        @Nullable OverCommitmentReason overCommitment) {
}
