package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change that took an envelope past its amount on purpose: the envelope as it was, what was
 * committed after the change, the difference, and why. Only ever added. No application for
 * {@link OverCommitmentCause#ENVELOPE}.
 */
@MappedEntity("over_commitment")
public record OverCommitment(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long applicationId,
        FundingSource fundingSource,
        Integer year,
        BigDecimal envelopeAmount,
        BigDecimal committed,
        BigDecimal shortfall,
        OverCommitmentCause cause,
        String reason,
        String recordedBy,
        Instant recordedAt) {
}
