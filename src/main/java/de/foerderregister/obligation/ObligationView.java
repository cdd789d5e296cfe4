package de.foerderregister.obligation;

import de.foerderregister.application.StateCode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * A reporting obligation as the API answers it, with its application and every submission, oldest
 * first. {@code overdue} is as of the registry's today.
 */
@Serdeable
public record ObligationView(long id, long applicationId, String reference, String title, StateCode ownerState,
                             ObligationKind kind, int periodYear, LocalDate dueDate, ObligationStatus status,
                             boolean overdue, List<SubmissionView> submissions) {

    static ObligationView of(ObligationRow row, List<Submission> submissions, LocalDate today) {
        return new ObligationView(row.id(), row.applicationId(), row.reference(), row.title(), row.ownerState(),
                row.kind(), row.periodYear(), row.dueDate(), row.status(),
                row.status().isOverdue(row.dueDate(), today),
                submissions.stream().map(SubmissionView::of).toList());
    }
}
