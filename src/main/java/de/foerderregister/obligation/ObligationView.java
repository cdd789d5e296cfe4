package de.foerderregister.obligation;

import de.foerderregister.application.StateCode;
import de.foerderregister.document.DocumentView;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A reporting obligation as the API answers it, with its application and every submission (with
 * the documents filed with it), oldest first. {@code overdue} is as of the registry's today.
 */
@Serdeable
public record ObligationView(long id, long applicationId, String reference, String title, StateCode ownerState,
                             ObligationKind kind, int periodYear, LocalDate dueDate, ObligationStatus status,
                             boolean overdue, List<SubmissionView> submissions) {

    static ObligationView of(ObligationRow row, List<Submission> submissions, Map<Long, List<DocumentView>> documents,
                             LocalDate today) {
        return new ObligationView(row.id(), row.applicationId(), row.reference(), row.title(), row.ownerState(),
                row.kind(), row.periodYear(), row.dueDate(), row.status(),
                row.status().isOverdue(row.dueDate(), today),
                submissions.stream().map(submission -> SubmissionView.of(submission,
                        documents.getOrDefault(submission.id(), List.of()))).toList());
    }
}
