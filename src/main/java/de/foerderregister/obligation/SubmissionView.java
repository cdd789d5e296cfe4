package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A submission of a report as the API answers it; the review fields are null until FITKO reviewed it. */
@Serdeable
public record SubmissionView(long id, String text, String submittedBy, Instant submittedAt,
                             @Nullable ObligationStatus outcome, @Nullable String reason,
                             @Nullable String reviewedBy, @Nullable Instant reviewedAt) {

    static SubmissionView of(Submission submission) {
        return new SubmissionView(submission.id(), submission.text(), submission.submittedBy(),
                submission.submittedAt(), submission.outcome(), submission.reason(), submission.reviewedBy(),
                submission.reviewedAt());
    }
}
