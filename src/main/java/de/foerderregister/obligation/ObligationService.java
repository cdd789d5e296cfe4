package de.foerderregister.obligation;

import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApprovedSharesChanged;
import de.foerderregister.application.Dates;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.YearAllocations;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.RetryOnConflict;
import de.foerderregister.decision.DecisionRules;
import de.foerderregister.document.DocumentService;
import de.foerderregister.document.DocumentSubject;
import de.foerderregister.document.DocumentView;
import de.foerderregister.document.SubjectKind;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.Forbidden;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reports an approved application owes: created with the approval and kept in step with the
 * years that hold money ({@link #adjust}), submitted by the state (or FITKO on its behalf) with a
 * text and a document, accepted or returned by FITKO. Every change takes the application's row
 * lock first, like every other change of an application, so two reviews of one submission queue up
 * and the second finds it decided. Every move is an audit event of the application.
 */
@Singleton
public class ObligationService implements ApplicationEventListener<ApprovedSharesChanged> {

    private static final Role[] READERS = {Role.STATE, Role.FITKO, Role.FINANCE};

    private final ApplicationService applications;
    private final YearAllocations allocations;
    private final ObligationRepository obligations;
    private final SubmissionRepository submissions;
    private final ReportSchedule schedule;
    private final ObligationSettings settings;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final Clock clock;

    public ObligationService(ApplicationService applications, YearAllocations allocations,
                             ObligationRepository obligations, SubmissionRepository submissions,
                             ReportSchedule schedule, ObligationSettings settings, DocumentService documents,
                             AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.allocations = allocations;
        this.obligations = obligations;
        this.submissions = submissions;
        this.schedule = schedule;
        this.settings = settings;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every approval, by a single decision, a meeting's batch or an import's transcription, and every amendment. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationEvent(ApprovedSharesChanged event) {
        adjust(event.caller(), event.application());
    }

    /**
     * Brings an APPROVED application's obligations in line with its approved year shares, in the
     * transaction that approved it or changed its shares (an amendment, a carry-over); the caller
     * holds the application's row lock. The runtime cannot change after the approval, but which of
     * its years hold money can: a carry-over may empty a year or fill one. "Adjusted" therefore
     * means: an interim report is added for a year that now holds a share, and an OPEN one is
     * dropped for a year that no longer does. Nothing else changes: a report submitted, returned or
     * accepted stays whatever the shares do, and an existing report keeps its due date (the one
     * the approval set, even if the settings changed since). Running it again changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adjust(Caller caller, FundingApplication application) {
        Set<Integer> fundedYears = allocations.approvedShares(application.id()).entrySet().stream()
                .filter(share -> share.getValue().signum() > 0).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<ReportSchedule.Period, ReportSchedule.Due> owed = schedule.owed(application.startDate(),
                application.endDate(), fundedYears).stream()
                .collect(Collectors.toMap(ReportSchedule.Due::period, Function.identity()));
        Map<ReportSchedule.Period, Obligation> existing = obligations.findByApplicationIdForUpdate(application.id())
                .stream().collect(Collectors.toMap(Obligation::period, Function.identity()));
        Instant now = clock.instant();
        for (Obligation obligation : existing.values()) {
            if (!owed.containsKey(obligation.period()) && obligation.status() == ObligationStatus.OPEN) {
                obligations.delete(obligation);
                audit.record(application.id(), caller, AuditAction.OBLIGATION_DROPPED,
                        withStatus(obligation, ObligationStatus.OPEN, null));
            }
        }
        owed.values().stream()
                .filter(due -> !existing.containsKey(due.period()))
                .sorted(Comparator.comparing(ReportSchedule.Due::dueDate))
                .forEach(due -> {
                    Obligation created = obligations.save(Obligation.open(application.id(), due, now));
                    audit.record(application.id(), caller, AuditAction.OBLIGATION_CREATED,
                            withStatus(created, null, ObligationStatus.OPEN));
                });
    }

    /**
     * Refuses (409 naming each) while a report of the application is overdue, unless the setting
     * switched this off. The caller holds the application's row lock, under which alone obligations
     * change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNoneOverdue(long applicationId) {
        if (!settings.blockPaymentsWhenOverdue()) {
            return;
        }
        List<Obligation> overdue = obligations.findOverdue(applicationId, today());
        if (!overdue.isEmpty()) {
            throw new OverdueObligations(applicationId, overdue);
        }
    }

    /** Every overdue report in the caller's scope, due date first: the data-quality findings. */
    @Connectable
    public List<ObligationView> overdue(Caller caller) {
        caller.requireRole("read reporting obligations", READERS);
        return views(obligations.findOverdueRows(caller.stateScope().map(Enum::name).orElse(null), today()));
    }

    /**
     * The reports still owed and due from {@code daysBefore} days before the registry's today to
     * {@code daysAfter} days after it, both inclusive, due date first; each view says whether it is
     * overdue. For the reminder timer, which acts for nobody and tells each state of its own.
     */
    @Connectable
    public List<ObligationView> owedAround(int daysBefore, int daysAfter) {
        LocalDate today = today();
        List<String> owed = Arrays.stream(ObligationStatus.values()).filter(ObligationStatus::isOutstanding)
                .map(Enum::name).toList();
        return views(obligations.findDueBetween(owed, today.minusDays(daysBefore), today.plusDays(daysAfter)));
    }

    /** The application's obligations, due date first; another state's application answers 404. */
    @Connectable
    public List<ObligationView> ofApplication(Caller caller, long applicationId) {
        applications.requireVisible(caller, applicationId);
        return views(obligations.findRows(applicationId));
    }

    /** One obligation of the application, in the caller's scope. */
    @Connectable
    public ObligationView get(Caller caller, long applicationId, long obligationId) {
        applications.requireVisible(caller, applicationId);
        return view(obligationId, applicationId);
    }

    /**
     * The work lists: FITKO's "due and overdue" and reviews, a state's "what we owe" (always its own
     * state's only, whatever {@code ownerState} says), FINANCE's reading. Due date first.
     */
    @Connectable
    public Page<ObligationView> list(Caller caller, ObligationFilter filter, @Nullable Integer page,
                                     @Nullable Integer size) {
        caller.requireRole("read reporting obligations", READERS);
        Dates.require("dueBefore", filter.dueBefore());
        Pageable pageable = ApplicationPaging.unsorted(page, size);
        Collection<String> statuses = (filter.statuses().isEmpty() ? Arrays.asList(ObligationStatus.values())
                : filter.statuses()).stream().map(Enum::name).toList();
        String scope = caller.stateScope().map(Enum::name).orElse(null);
        String ownerState = filter.ownerState() == null ? null : filter.ownerState().name();
        LocalDate today = today();
        List<ObligationRow> rows = obligations.findRows(statuses, scope, ownerState, filter.dueBefore(),
                filter.overdue(), today, pageable.getSize(), pageable.getOffset());
        long total = obligations.countRows(statuses, scope, ownerState, filter.dueBefore(), filter.overdue(), today);
        return Page.of(views(rows), pageable, total);
    }

    /** The state of the application, or FITKO on its behalf, hands in the report. */
    @RetryOnConflict
    @Transactional
    public ObligationView submit(Caller caller, long applicationId, long obligationId, SubmissionCommand command) {
        handIn(caller, applicationId, obligationId, command, null);
        return view(obligationId, applicationId);
    }

    /**
     * The report with a document filed with its submission, in the same transaction: a refused file
     * (type, size) leaves the report unsubmitted. Not retried on a conflict, as the file is read once,
     * as it arrives.
     */
    @Transactional
    public ObligationView submit(Caller caller, long applicationId, long obligationId, SubmissionCommand command,
                                 ReportDocument document) {
        handIn(caller, applicationId, obligationId, command, document);
        return view(obligationId, applicationId);
    }

    private void handIn(Caller caller, long applicationId, long obligationId, SubmissionCommand command,
                        @Nullable ReportDocument document) {
        List<FieldError> errors = new ArrayList<>();
        String text = DecisionRules.text(errors, "text", command.text(), DecisionRules.NOTE_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Locked locked = locked(caller, applicationId, obligationId, "submit reports", Role.STATE, Role.FITKO);
        Obligation current = locked.obligation();
        Obligation submitted = obligations.update(current.movedTo(ObligationStatus.SUBMITTED));
        Submission submission = submissions.save(new Submission(null, obligationId, text, caller.username(),
                clock.instant(), null, null, null, null));
        List<FieldChange> changes = withStatus(current, current.status(), submitted.status());
        changes.add(new FieldChange("submission.id", null, submission.id().toString()));
        changes.add(new FieldChange("submission.text", null, text));
        audit.record(applicationId, caller, AuditAction.OBLIGATION_SUBMITTED, changes);
        if (document != null) {
            documents.attach(caller, locked.application(),
                    new DocumentSubject(SubjectKind.OBLIGATION_SUBMISSION, submission.id()), document.title(),
                    document.fileName(), document.content());
        }
    }

    /**
     * FITKO accepts the submitted report. Four eyes where FITKO submitted it on the state's behalf:
     * whoever submitted a report may not accept it (403), though they may return it.
     */
    @RetryOnConflict
    @Transactional
    public ObligationView accept(Caller caller, long applicationId, long obligationId) {
        caller.requireRole("review reports", Role.FITKO);
        return review(caller, applicationId, obligationId, ObligationStatus.ACCEPTED, null);
    }

    /** FITKO sends the submitted report back with a reason; the state submits it again. */
    @RetryOnConflict
    @Transactional
    public ObligationView giveBack(Caller caller, long applicationId, long obligationId, ReturnCommand command) {
        caller.requireRole("review reports", Role.FITKO);
        List<FieldError> errors = new ArrayList<>();
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return review(caller, applicationId, obligationId, ObligationStatus.RETURNED, reason);
    }

    private ObligationView review(Caller caller, long applicationId, long obligationId, ObligationStatus outcome,
                                  @Nullable String reason) {
        Obligation current = locked(caller, applicationId, obligationId, "review reports", Role.FITKO).obligation();
        Obligation reviewed = current.movedTo(outcome);
        Submission submission = submissions.findLatest(obligationId).orElseThrow();
        if (outcome == ObligationStatus.ACCEPTED && submission.submittedBy().equals(caller.username())) {
            throw new Forbidden("You submitted report " + obligationId
                    + " yourself; a different FITKO user must accept it.");
        }
        obligations.update(reviewed);
        submissions.update(submission.reviewed(outcome, reason, caller.username(), clock.instant()));
        List<FieldChange> changes = withStatus(current, current.status(), outcome);
        changes.add(new FieldChange("submission.id", null, submission.id().toString()));
        changes.add(new FieldChange("submission.submittedBy", null, submission.submittedBy()));
        if (reason != null) {
            changes.add(new FieldChange("submission.returnReason", null, reason));
        }
        audit.record(applicationId, caller, outcome == ObligationStatus.ACCEPTED
                ? AuditAction.OBLIGATION_ACCEPTED : AuditAction.OBLIGATION_RETURNED, changes);
        return view(obligationId, applicationId);
    }

    private record Locked(FundingApplication application, Obligation obligation) {
    }

    /** The obligation locked behind its application's row lock; scope, role and existence checked. */
    private Locked locked(Caller caller, long applicationId, long obligationId, String action, Role... roles) {
        FundingApplication application = applications.lockForChange(caller, applicationId, null, action, roles);
        return new Locked(application, obligations.findForUpdate(obligationId, applicationId)
                .orElseThrow(() -> notFound(obligationId, applicationId)));
    }

    /** What the history shows of an obligation's move: which report, and its status before and after. */
    private static List<FieldChange> withStatus(Obligation obligation, @Nullable ObligationStatus before,
                                                @Nullable ObligationStatus after) {
        return new ArrayList<>(List.of(
                new FieldChange("obligation.id", null, obligation.id().toString()),
                new FieldChange("obligation.kind", null, obligation.kind().name()),
                new FieldChange("obligation.periodYear", null, String.valueOf(obligation.periodYear())),
                new FieldChange("obligation.dueDate", null, obligation.dueDate().toString()),
                new FieldChange("obligation.status", before == null ? null : before.name(),
                        after == null ? null : after.name())));
    }

    private ObligationView view(long obligationId, long applicationId) {
        ObligationRow row = obligations.findRow(obligationId).filter(found -> found.applicationId() == applicationId)
                .orElseThrow(() -> notFound(obligationId, applicationId));
        return views(List.of(row)).get(0);
    }

    private static NotFound notFound(long obligationId, long applicationId) {
        return new NotFound("Report " + obligationId + " of application " + applicationId);
    }

    private List<ObligationView> views(List<ObligationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Submission> handedIn = submissions.findByObligationIdInOrderById(
                rows.stream().map(ObligationRow::id).toList());
        Map<Long, List<Submission>> byObligation = handedIn.stream()
                .collect(Collectors.groupingBy(Submission::obligationId));
        Map<Long, List<DocumentView>> filed = documents.filedWith(SubjectKind.OBLIGATION_SUBMISSION,
                handedIn.stream().map(Submission::id).toList());
        LocalDate today = today();
        return rows.stream().map(row -> ObligationView.of(row, byObligation.getOrDefault(row.id(), List.of()), filed,
                today)).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
