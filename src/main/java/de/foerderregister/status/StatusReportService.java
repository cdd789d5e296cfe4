package de.foerderregister.status;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.LatestStatus;
import de.foerderregister.application.Status;
import de.foerderregister.application.TrafficLight;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.RetryOnConflict;
import de.foerderregister.decision.DecisionRules;
import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Status reports (Statusberichte) of approved projects: the owner state or FITKO reports
 * schedule, budget and quality as traffic lights at any time; FINANCE reads them. Reports are
 * for APPROVED applications only: before the approval there is no funded project to deliver, and
 * the portfolio they feed holds the approved ones.
 */
@Singleton
public class StatusReportService {

    static final int COMMENT_MAX = 4000;
    private static final Role[] REPORTERS = {Role.STATE, Role.FITKO};
    private static final String ACTION = "file status reports";

    private final ApplicationService applications;
    private final StatusReportRepository reports;
    private final AuditTrail audit;
    private final Clock clock;

    public StatusReportService(ApplicationService applications, StatusReportRepository reports, AuditTrail audit,
                               Clock clock) {
        this.applications = applications;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the report and makes its lights the application's latest, under the application's
     * row lock: of two reports racing for one application both are kept, and the one written
     * second is the latest.
     */
    @RetryOnConflict
    @Transactional
    public StatusReport report(Caller caller, long applicationId, StatusReportCommand command) {
        caller.requireRole(ACTION, REPORTERS);
        Accepted accepted = accept(command);
        FundingApplication application = applications.lockForChange(caller, applicationId, null, ACTION, REPORTERS);
        if (application.status() != Status.APPROVED) {
            throw new Conflict("Status reports are filed for APPROVED projects; application " + applicationId
                    + " is " + application.status() + ".");
        }
        // taken under the lock, so the later of two racing reports also carries the later time
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StatusReport saved = reports.save(new StatusReport(null, applicationId, accepted.schedule(), accepted.budget(),
                accepted.quality(), accepted.comment(), caller.username(), now));
        LatestStatus latest = LatestStatus.of(saved.schedule(), saved.budget(), saved.quality(), now);
        applications.keepLatestStatus(application, latest);
        audit.record(applicationId, caller, AuditAction.STATUS_REPORTED, changes(saved, application.latestStatus(), latest));
        return saved;
    }

    /** The application's reports, newest first; another state's application answers 404. */
    @Connectable
    public List<StatusReport> history(Caller caller, long applicationId) {
        applications.requireVisible(caller, applicationId);
        return reports.findByApplicationIdOrderByIdDesc(applicationId);
    }

    private record Accepted(TrafficLight schedule, TrafficLight budget, TrafficLight quality, @Nullable String comment) {
    }

    /** The command's fields checked, every broken rule named at once. */
    private static Accepted accept(StatusReportCommand command) {
        List<FieldError> errors = new ArrayList<>();
        DecisionRules.required(errors, "schedule", command.schedule());
        DecisionRules.required(errors, "budget", command.budget());
        DecisionRules.required(errors, "quality", command.quality());
        String comment = DecisionRules.text(errors, "comment", command.comment(), COMMENT_MAX, false);
        boolean deviates = Stream.of(command.schedule(), command.budget(), command.quality())
                .anyMatch(light -> light != null && light != TrafficLight.GREEN);
        if (deviates && blank(command.comment())) {
            errors.add(new FieldError("comment", RuleCode.STATUS_COMMENT_REQUIRED));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Accepted(command.schedule(), command.budget(), command.quality(), comment);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** The lights against the latest report's before it, each named even when unchanged: the event says what was reported. */
    private static List<FieldChange> changes(StatusReport report, @Nullable LatestStatus before, LatestStatus after) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("statusReport.id", null, Objects.requireNonNull(report.id()).toString()));
        changes.add(light("statusReport.schedule", before, after, LatestStatus::schedule));
        changes.add(light("statusReport.budget", before, after, LatestStatus::budget));
        changes.add(light("statusReport.quality", before, after, LatestStatus::quality));
        if (report.comment() != null) {
            changes.add(new FieldChange("statusReport.comment", null, report.comment()));
        }
        return changes;
    }

    private static FieldChange light(String field, @Nullable LatestStatus before, LatestStatus after,
                                     Function<LatestStatus, TrafficLight> dimension) {
        return new FieldChange(field, before == null ? null : dimension.apply(before).name(),
                dimension.apply(after).name());
    }
}
