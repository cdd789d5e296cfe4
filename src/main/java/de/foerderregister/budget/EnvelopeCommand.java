package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * {@code PUT /api/budget/envelopes/{fundingSource}/{year}}: the amount and why. Lowering it below what
 * is already committed needs {@code overCommitment.reason}.
 */
@Serdeable
public record EnvelopeCommand(@Nullable BigDecimal amount, @Nullable String reason,
                              @Nullable OverCommitmentReason overCommitment) {
}
