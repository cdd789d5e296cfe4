package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * One submission of a report and, once FITKO looked at it, its review: {@code outcome} ACCEPTED
 * or RETURNED, with the reason of a return. Each submission after a return is a new one.
 */
@MappedEntity("obligation_submission")
public record Submission(
        @Id @GeneratedValue @Nullable Long id,
        Long obligationId,
        @MappedProperty("report_text") String text,
        String submittedBy,
        Instant submittedAt,
        @Nullable ObligationStatus outcome,
        @Nullable String reason,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt) {

    Submission reviewed(ObligationStatus result, @Nullable String why, String reviewer, Instant now) {
        return new Submission(id, obligationId, text, submittedBy, submittedAt, result, why, reviewer, now);
    }
}
