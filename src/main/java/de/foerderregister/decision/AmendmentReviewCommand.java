package de.foerderregister.decision;

import de.foerderregister.budget.OverCommitmentReason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The optional body of {@code POST /api/applications/{id}/amendments/{amendmentId}/confirm}:
 * why the confirmed raise may take an envelope past its amount.
 */
@Serdeable
public record AmendmentReviewCommand(@Nullable OverCommitmentReason overCommitment) {
}
