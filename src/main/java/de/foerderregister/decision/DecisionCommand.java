package de.foerderregister.decision;

import de.foerderregister.budget.OverCommitmentReason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /api/applications/{id}/decision}. {@code approvedAmount} is required for, and only for,
 * APPROVED; {@code overCommitment} says why an approval may take an envelope past its amount.
 */
@Serdeable
public record DecisionCommand(
        @Nullable Outcome outcome,
        @Nullable BigDecimal approvedAmount,
        @Nullable String body,
        @Nullable LocalDate meetingDate,
        @Nullable String agendaItem,
        @Nullable DecisionKind kind,
        @Nullable String note,
        @Nullable OverCommitmentReason overCommitment) {
}
