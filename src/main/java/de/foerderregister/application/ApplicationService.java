package de.foerderregister.application;

import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditEventView;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.problem.Forbidden;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.PreconditionFailed;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import de.foerderregister.db.RetryOnConflict;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Everything that reads or changes applications. Reads share one connection without a
 * transaction (autocommit, READ COMMITTED): a single application needs no snapshot, and a read
 * saves the round trips of BEGIN and COMMIT. Every method takes the {@link Caller} and
 * applies the role and the state scope itself, so no entry point can forget them.
 */
@Singleton
public class ApplicationService {

    private static final Role[] READERS = {Role.STATE, Role.FITKO, Role.FINANCE};
    private static final Role[] APPLICANTS = {Role.STATE, Role.FITKO};

    private final ApplicationRepository applications;
    private final AnnualPlanRepository plans;
    private final ApplicationViewRepository views;
    private final ReferenceNumbers references;
    private final AuditTrail audit;
    private final ApprovedAmounts approvedAmounts;
    private final YearAllocations yearAllocations;
    private final SummaryTotals summaryTotals;
    private final ApplicationEventPublisher<ApprovedSharesChanged> sharesChanged;
    private final ApplicationBatches batches;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, AnnualPlanRepository plans,
                              ApplicationViewRepository views, ReferenceNumbers references, AuditTrail audit, ApprovedAmounts approvedAmounts,
                              YearAllocations yearAllocations, SummaryTotals summaryTotals,
                              ApplicationEventPublisher<ApprovedSharesChanged> sharesChanged,
                              ApplicationBatches batches, Clock clock) {
        this.applications = applications;
        this.plans = plans;
        this.views = views;
        this.references = references;
        this.audit = audit;
        this.approvedAmounts = approvedAmounts;
        this.yearAllocations = yearAllocations;
        this.summaryTotals = summaryTotals;
        this.sharesChanged = sharesChanged;
        this.batches = batches;
        this.clock = clock;
    }

    @RetryOnConflict
    @Transactional
    public ApplicationView create(Caller caller, ApplicationCommand command) {
        return create(caller, caller.stateScope()
                .filter(state -> command.ownerState() == null)
                .map(state -> withOwnerState(command, state))
                .orElse(command), AuditAction.CREATED);
    }

    /**
     * An application taken from a row of an import file. Unlike {@link #create(Caller, ApplicationCommand)}
     * nothing is filled in for a STATE caller: an empty cell of a file stays an error, nothing is invented.
     * The history says IMPORTED.
     */
    @RetryOnConflict
    @Transactional
    public ApplicationView importApplication(Caller caller, ApplicationCommand command) {
        return create(caller, command, AuditAction.IMPORTED);
    }

    /**
     * Many applications of an import at once, inside the caller's transaction: for each, what
     * {@link #importApplication} and, where asked, {@link #submit} do — the same rules, state scope,
     * file numbers in order, year splits, kept totals and audit events (IMPORTED, then SUBMITTED) —
     * in a few batched statements for all of them instead of some twenty per application. An import
     * file has no annual plan column, so the applications have none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ApplicationView> importAll(Caller caller, List<ImportedApplication> imported) {
        caller.requireRole("create applications", APPLICANTS);
        if (imported.isEmpty()) {
            return List.of();
        }
        List<ApplicationContent> contents = new ArrayList<>(imported.size());
        for (ImportedApplication row : imported) {
            ApplicationContent content = ApplicationRules.accept(row.command());
            requireOwnState(caller, content.ownerState());
            if (!content.annualPlan().isEmpty()) {
                throw new IllegalArgumentException("an imported application has no annual plan");
            }
            contents.add(content);
        }
        List<String> numbers = references.next(imported.size());
        Instant now = clock.instant();
        List<FundingApplication> drafts = new ArrayList<>(imported.size());
        List<FundingApplication> unsaved = new ArrayList<>(imported.size());
        for (int i = 0; i < imported.size(); i++) {
            FundingApplication draft = FundingApplication.draft(numbers.get(i), contents.get(i), caller.username(), now);
            drafts.add(draft);
            // create counts the version to 0, the submission to 1
            unsaved.add(imported.get(i).submit() ? draft.withStatus(Status.SUBMITTED, now).stored(null, 1) : draft.stored(null, 0));
        }
        List<FundingApplication> saved = batches.insert(unsaved);
        yearAllocations.allocateNew(saved);
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<ApplicationView> views = new ArrayList<>(saved.size());
        for (int i = 0; i < saved.size(); i++) {
            FundingApplication application = saved.get(i);
            Map<String, String> created = ApplicationView.of(drafts.get(i).stored(application.id(), 0), List.of()).auditFields();
            changes.add(new AuditTrail.Change(application.id(), AuditAction.IMPORTED, FieldChange.between(Map.of(), created)));
            ApplicationView view = ApplicationView.of(application, List.of());
            if (application.status() == Status.SUBMITTED) {
                changes.add(new AuditTrail.Change(application.id(), AuditAction.SUBMITTED,
                        FieldChange.between(created, view.auditFields())));
            }
            views.add(view);
        }
        audit.recordAll(caller, changes);
        // last: the summary rows it adds to stay locked until the commit
        summaryTotals.addCreated(saved.stream().map(FundingApplication::id).toList());
        return views;
    }

    private ApplicationView create(Caller caller, ApplicationCommand command, AuditAction action) {
        caller.requireRole("create applications", APPLICANTS);
        ApplicationContent content = ApplicationRules.accept(command);
        requireOwnState(caller, content.ownerState());
        FundingApplication saved = applications.save(
                FundingApplication.draft(references.next(), content, caller.username(), clock.instant()));
        summaryTotals.creating(saved.id());
        ApplicationView created = ApplicationView.of(saved, savePlan(saved.id(), content.annualPlan()));
        yearAllocations.allocateNew(saved, created.annualPlan());
        audit.record(saved.id(), caller, action, FieldChange.between(Map.of(), created.auditFields()));
        return created;
    }

    @Connectable
    public ApplicationView get(Caller caller, long id, @Nullable LocalDate asOf) {
        Dates.require("asOf", asOf);
        caller.requireRole("read applications", READERS);
        ApplicationView current = views.find(id, caller.stateScope().orElse(null)).orElseThrow(() -> missing(id));
        return asOf == null ? current : current.withApprovedAmount(approvedAmounts.asOf(id, asOf).orElse(null));
    }

    /** Of these applications, the ones the caller may read, by id: one query for a whole batch. */
    @Connectable
    public Map<Long, ApplicationView> getAll(Caller caller, Collection<Long> ids) {
        caller.requireRole("read applications", READERS);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<FundingApplication> found = applications.findByIdIn(ids).stream()
                .filter(application -> caller.stateScope().map(state -> state == application.ownerState()).orElse(true))
                .toList();
        Map<Long, List<AnnualPlanLine>> plansById = found.isEmpty() ? Map.of()
                : plans.findByApplicationIdInOrderByYear(found.stream().map(FundingApplication::id).toList()).stream()
                .collect(Collectors.groupingBy(AnnualPlanLine::applicationId));
        return found.stream().collect(Collectors.toMap(FundingApplication::id,
                application -> ApplicationView.of(application, plansById.getOrDefault(application.id(), List.of()))));
    }

    @Connectable
    public Page<ApplicationView> list(Caller caller, ApplicationFilter filter, Pageable pageable) {
        caller.requireRole("read applications", READERS);
        Page<FundingApplication> page = applications.findAll(filter.within(caller.stateScope()), pageable);
        List<Long> ids = page.getContent().stream().map(FundingApplication::id).toList();
        Map<Long, List<AnnualPlanLine>> plansById = ids.isEmpty() ? Map.of()
                : plans.findByApplicationIdInOrderByYear(ids).stream()
                .collect(Collectors.groupingBy(AnnualPlanLine::applicationId));
        return page.map(application -> ApplicationView.of(application, plansById.getOrDefault(application.id(), List.of())));
    }

    @RetryOnConflict
    @Transactional
    public ApplicationView update(Caller caller, long id, @Nullable Long expectedVersion, ApplicationCommand command) {
        FundingApplication current = changeable(caller, id, expectedVersion, "change applications", APPLICANTS);
        current.status().requireEditable();
        ApplicationContent content = ApplicationRules.accept(command);
        requireOwnState(caller, content.ownerState());
        ApplicationView before = view(current);
        FundingApplication updated = applications.update(current.withContent(content, clock.instant()));
        plans.deleteByApplicationId(id);
        ApplicationView after = ApplicationView.of(updated, savePlan(id, content.annualPlan()));
        yearAllocations.refresh(updated, after.annualPlan());
        audit.record(id, caller, AuditAction.UPDATED, FieldChange.between(before.auditFields(), after.auditFields()));
        return after;
    }

    @RetryOnConflict
    @Transactional
    public ApplicationView submit(Caller caller, long id, @Nullable Long expectedVersion) {
        return move(caller, id, expectedVersion, Status.SUBMITTED, AuditAction.SUBMITTED);
    }

    @RetryOnConflict
    @Transactional
    public ApplicationView withdraw(Caller caller, long id, @Nullable Long expectedVersion) {
        return move(caller, id, expectedVersion, Status.WITHDRAWN, AuditAction.WITHDRAWN);
    }

    /** The application's approved (and requested) share of each calendar year, carry-overs included. */
    @Connectable
    public List<YearShare> years(Caller caller, long id) {
        requireVisible(caller, id);
        return yearAllocations.shares(id);
    }

    @Connectable
    public List<AuditEventView> history(Caller caller, long id) {
        requireVisible(caller, id);
        return audit.history(id);
    }

    /** Whether the registry holds no application at all: a new installation. */
    @Connectable
    public boolean isEmpty() {
        return applications.count() == 0;
    }

    /** Refuses (403, or 404 outside the caller's scope) unless the caller may read the application. */
    @Connectable
    public void requireVisible(Caller caller, long id) {
        visible(caller, id);
    }

    /**
     * For features that change an application beyond its content (decisions, amendments): the
     * row locked until the transaction ends, the caller's scope, role and If-Match checked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FundingApplication lockForChange(Caller caller, long id, @Nullable Long expectedVersion, String action,
                                            Role... roles) {
        return changeable(caller, id, expectedVersion, action, roles);
    }

    /**
     * Stores a changed application and audits every changed field, plus the details of what changed it.
     * Answers with the change of the approved share per year, for the envelope check of the caller.
     * A change of an APPROVED application's amount is announced ({@link ApprovedSharesChanged}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SavedChange saveChange(Caller caller, FundingApplication before, FundingApplication after,
                                  AuditAction action, List<FieldChange> details) {
        List<AnnualPlanLine> plan = plans.findByApplicationIdOrderByYear(before.id());
        FundingApplication saved = applications.update(after);
        ApplicationView view = ApplicationView.of(saved, plan);
        boolean sharesMoved = !Objects.equals(before.approvedAmount(), saved.approvedAmount());
        SortedMap<Integer, BigDecimal> yearChanges = sharesMoved ? yearAllocations.refresh(saved, view.annualPlan())
                : Collections.emptySortedMap();
        List<FieldChange> changes = new ArrayList<>(FieldChange.between(ApplicationView.of(before, plan).auditFields(),
                view.auditFields()));
        changes.addAll(details);
        audit.record(before.id(), caller, action, changes);
        if (sharesMoved && saved.status() == Status.APPROVED) {
            sharesChanged.publishEvent(new ApprovedSharesChanged(caller, saved));
        }
        return new SavedChange(view, yearChanges);
    }

    /**
     * Keeps the lights of the application's latest status report beside it, for the list and the
     * portfolio. The caller holds the row lock ({@link #lockForChange}), so the report that commits
     * last is the one the application shows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepLatestStatus(FundingApplication locked, LatestStatus latest) {
        applications.updateLatestStatus(Objects.requireNonNull(locked.id()), latest.schedule(), latest.budget(),
                latest.quality(), latest.overall(), latest.reportedAt());
    }

    private ApplicationView move(Caller caller, long id, @Nullable Long expectedVersion, Status target,
                                 AuditAction action) {
        FundingApplication current = changeable(caller, id, expectedVersion, "change applications", APPLICANTS);
        return saveChange(caller, current, current.withStatus(target, clock.instant()), action, List.of()).application();
    }

    /** The application if the caller may read it; another state's answers exactly as a missing one. */
    private FundingApplication visible(Caller caller, long id) {
        caller.requireRole("read applications", READERS);
        return caller.stateScope()
                .map(state -> applications.findByIdAndOwnerState(id, state))
                .orElseGet(() -> applications.findById(id))
                .orElseThrow(() -> missing(id));
    }

    private FundingApplication changeable(Caller caller, long id, @Nullable Long expectedVersion, String action,
                                          Role... roles) {
        caller.requireRole("read applications", READERS);
        FundingApplication application = applications.findByIdForUpdate(id)
                .filter(found -> caller.stateScope().map(state -> state == found.ownerState()).orElse(true))
                .orElseThrow(() -> missing(id));
        caller.requireRole(action, roles);
        if (expectedVersion != null && !expectedVersion.equals(application.version())) {
            throw new PreconditionFailed(expectedVersion, application.version());
        }
        // every change of an application, its decisions, year parts, payments or repayments passes here
        summaryTotals.changing(application.id());
        return application;
    }

    /** Outside the caller's state scope an application answers exactly as a missing one. */
    private static NotFound missing(long id) {
        return new NotFound("Application " + id);
    }

    private static void requireOwnState(Caller caller, StateCode ownerState) {
        caller.stateScope().filter(state -> state != ownerState).ifPresent(state -> {
            throw new Forbidden("A user of " + state + " may not file applications for " + ownerState + ".");
        });
    }

    private ApplicationView view(FundingApplication application) {
        return ApplicationView.of(application, plans.findByApplicationIdOrderByYear(application.id()));
    }

    private List<AnnualPlanLine> savePlan(long applicationId, List<AnnualPlanEntry> plan) {
        return plan.isEmpty() ? List.of() : plans.saveAll(plan.stream()
                .map(entry -> new AnnualPlanLine(null, applicationId, entry.year(), entry.amount()))
                .toList());
    }

    private static ApplicationCommand withOwnerState(ApplicationCommand command, StateCode state) {
        return new ApplicationCommand(command.title(), state, command.type(), command.fundingSource(),
                command.startDate(), command.endDate(), command.requestedAmount(), command.annualPlan(), command.notes());
    }
}
