package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report an approved application owes, as stored. {@code periodYear} is the year an interim
 * report covers, or the runtime's last year for the final report.
 */
@MappedEntity("obligation")
public record Obligation(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        ObligationKind kind,
        int periodYear,
        LocalDate dueDate,
        ObligationStatus status,
        Instant createdAt,
        @Version @Nullable Long version) {

    static Obligation open(long applicationId, ReportSchedule.Due due, Instant now) {
        return new Obligation(null, applicationId, due.kind(), due.periodYear(), due.dueDate(), ObligationStatus.OPEN,
                now, null);
    }

    ReportSchedule.Period period() {
        return new ReportSchedule.Period(kind, periodYear);
    }

    /** The obligation in its next status, checked by the status machine. */
    Obligation movedTo(ObligationStatus next) {
        return new Obligation(id, applicationId, kind, periodYear, dueDate, status.moveTo(next), createdAt, version);
    }
}
