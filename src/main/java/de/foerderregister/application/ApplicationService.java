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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything that reads or changes applications. Every method takes the {@link Caller} and
 * applies the role and the state scope itself, so no entry point can forget them.
 */
@Singleton
public class ApplicationService {

    private static final Role[] READERS = {Role.STATE, Role.FITKO, Role.FINANCE};
    private static final Role[] APPLICANTS = {Role.STATE, Role.FITKO};

    private final ApplicationRepository applications;
    private final AnnualPlanRepository plans;
    private final ReferenceNumbers references;
    private final AuditTrail audit;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, AnnualPlanRepository plans,
                              ReferenceNumbers references, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.plans = plans;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView create(Caller caller, ApplicationCommand command) {
        caller.requireRole("create applications", APPLICANTS);
        ApplicationContent content = ApplicationRules.accept(caller.stateScope()
                .filter(state -> command.ownerState() == null)
                .map(state -> withOwnerState(command, state))
                .orElse(command));
        requireOwnState(caller, content.ownerState());
        FundingApplication saved = applications.save(
                FundingApplication.draft(references.next(), content, caller.username(), clock.instant()));
        ApplicationView created = ApplicationView.of(saved, savePlan(saved.id(), content.annualPlan()));
        audit.record(saved.id(), caller, AuditAction.CREATED, FieldChange.between(Map.of(), created.auditFields()));
        return created;
    }

    @Transactional
    public ApplicationView get(Caller caller, long id) {
        return view(visible(caller, id));
    }

    @Transactional
    public Page<ApplicationView> list(Caller caller, ApplicationFilter filter, Pageable pageable) {
        caller.requireRole("read applications", READERS);
        Page<FundingApplication> page = applications.findAll(filter.within(caller.stateScope()), pageable);
        List<Long> ids = page.getContent().stream().map(FundingApplication::id).toList();
        Map<Long, List<AnnualPlanLine>> plansById = ids.isEmpty() ? Map.of()
                : plans.findByApplicationIdInOrderByYear(ids).stream()
                .collect(Collectors.groupingBy(AnnualPlanLine::applicationId));
        return page.map(application -> ApplicationView.of(application, plansById.getOrDefault(application.id(), List.of())));
    }

    @Transactional
    public ApplicationView update(Caller caller, long id, @Nullable Long expectedVersion, ApplicationCommand command) {
        FundingApplication current = changeable(caller, id, expectedVersion);
        current.status().requireEditable();
        ApplicationContent content = ApplicationRules.accept(command);
        requireOwnState(caller, content.ownerState());
        ApplicationView before = view(current);
        FundingApplication updated = applications.update(current.withContent(content, clock.instant()));
        plans.deleteByApplicationId(id);
        ApplicationView after = ApplicationView.of(updated, savePlan(id, content.annualPlan()));
        audit.record(id, caller, AuditAction.UPDATED, FieldChange.between(before.auditFields(), after.auditFields()));
        return after;
    }

    @Transactional
    public ApplicationView submit(Caller caller, long id, @Nullable Long expectedVersion) {
        return move(caller, id, expectedVersion, Status.SUBMITTED, AuditAction.SUBMITTED);
    }

    @Transactional
    public ApplicationView withdraw(Caller caller, long id, @Nullable Long expectedVersion) {
        return move(caller, id, expectedVersion, Status.WITHDRAWN, AuditAction.WITHDRAWN);
    }

    @Transactional
    public List<AuditEventView> history(Caller caller, long id) {
        visible(caller, id);
        return audit.history(id);
    }

    private ApplicationView move(Caller caller, long id, @Nullable Long expectedVersion, Status target,
                                 AuditAction action) {
        FundingApplication current = changeable(caller, id, expectedVersion);
        ApplicationView before = view(current);
        FundingApplication moved = applications.update(current.withStatus(target, clock.instant()));
        ApplicationView after = ApplicationView.of(moved, plans.findByApplicationIdOrderByYear(id));
        audit.record(id, caller, action, FieldChange.between(before.auditFields(), after.auditFields()));
        return after;
    }

    /** The application if the caller may read it; another state's answers exactly as a missing one. */
    private FundingApplication visible(Caller caller, long id) {
        caller.requireRole("read applications", READERS);
        return caller.stateScope()
                .map(state -> applications.findByIdAndOwnerState(id, state))
                .orElseGet(() -> applications.findById(id))
                .orElseThrow(() -> new NotFound("Application " + id));
    }

    private FundingApplication changeable(Caller caller, long id, @Nullable Long expectedVersion) {
        FundingApplication application = visible(caller, id);
        caller.requireRole("change applications", APPLICANTS);
        if (expectedVersion != null && !expectedVersion.equals(application.version())) {
            throw new PreconditionFailed(expectedVersion, application.version());
        }
        return application;
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
