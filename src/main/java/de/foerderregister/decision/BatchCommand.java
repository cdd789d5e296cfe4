package de.foerderregister.decision;

import de.foerderregister.budget.OverCommitmentReason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/decisions}: the meeting once, then one item per application decided;
 * {@code overCommitment} covers every item that takes an envelope past its amount.
 */
@Serdeable
public record BatchCommand(
        @Nullable String body,
        @Nullable LocalDate meetingDate,
        @Nullable String agendaItem,
        @Nullable DecisionKind kind,
        @Nullable List<Item> items,
        @Nullable OverCommitmentReason overCommitment) {

    @Serdeable
    public record Item(@Nullable Long applicationId, @Nullable Outcome outcome, @Nullable BigDecimal approvedAmount,
                       @Nullable String note) {
    }
}
