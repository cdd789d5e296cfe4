package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * {@code POST /api/applications/{id}/carry-overs}: move {@code amount} of the unpaid approved share of
 * {@code fromYear} to the later {@code toYear}; where that takes the receiving year's envelope past its
 * amount, {@code overCommitment.reason} says why.
 */
@Serdeable
public record CarryOverCommand(@Nullable Integer fromYear, @Nullable Integer toYear, @Nullable BigDecimal amount,
                               @Nullable String reason, @Nullable OverCommitmentReason overCommitment) {
}
