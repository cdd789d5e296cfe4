package de.foerderregister.obligation;

import de.foerderregister.document.DocumentView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A submission of a report as the API answers it, with the documents filed with it; the review
 * fields are null until FITKO reviewed it.
 */
@Serdeable
public record SubmissionView(long id, String text, String submittedBy, Instant submittedAt,
                             @Nullable ObligationStatus outcome, @Nullable String reason,
                             @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                             List<DocumentView> documents) {

    static SubmissionView of(Submission submission, List<DocumentView> documents) {
        return new SubmissionView(submission.id(), submission.text(), submission.submittedBy(),
                submission.submittedAt(), submission.outcome(), submission.reason(), submission.reviewedBy(),
                submission.reviewedAt(), documents);
    }
}
