package de.foerderregister.decision;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.SavedChange;
import de.foerderregister.application.Status;
import de.foerderregister.application.YearAllocations;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.budget.EnvelopeCheck;
import de.foerderregister.budget.OverCommitmentCause;
import de.foerderregister.budget.OverCommitmentReason;
import de.foerderregister.budget.Shortfall;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.Forbidden;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import de.foerderregister.db.RetryOnConflict;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FITKO records what the bodies decide: one application at a time, or a meeting's batch all at
 * once. Two controls hold for every item: nobody decides an application they created, edited or
 * submitted (separation of duties), and an approval never exceeds the amount requested (more
 * money only comes by amendment, under four eyes). An approval that takes an envelope past its
 * amount needs a reason ({@link EnvelopeCheck}).
 */
@Singleton
public class DecisionService {

    static final int BATCH_MAX = 500;

    /** What makes a user the application's preparer, who may then not decide it. */
    private static final Set<AuditAction> PREPARING =
            EnumSet.of(AuditAction.CREATED, AuditAction.IMPORTED, AuditAction.UPDATED, AuditAction.SUBMITTED);

    private final ApplicationService applications;
    private final DecisionRepository decisions;
    private final MeetingBatchRepository batches;
    private final YearAllocations allocations;
    private final EnvelopeCheck envelopes;
    private final AuditTrail audit;
    private final Clock clock;

    public DecisionService(ApplicationService applications, DecisionRepository decisions,
                           MeetingBatchRepository batches, YearAllocations allocations, EnvelopeCheck envelopes,
                           AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.decisions = decisions;
        this.batches = batches;
        this.allocations = allocations;
        this.envelopes = envelopes;
        this.audit = audit;
        this.clock = clock;
    }

    @RetryOnConflict
    @Transactional
    public ApplicationView decide(Caller caller, long applicationId, @Nullable Long expectedVersion,
                                  DecisionCommand command) {
        return decide(caller, applicationId, expectedVersion, command, true);
    }

    /**
     * A decision a body took before the application reached the registry, transcribed by the
     * importer from the minutes in the same step that enters the application. Separation of
     * duties cannot apply to a transcription; the history shows the importer as both, and the
     * amount is still capped by the request. An import file cannot give a reason for exceeding an
     * envelope, so such a row is refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView transcribe(Caller caller, long applicationId, long expectedVersion, DecisionCommand command) {
        return decide(caller, applicationId, expectedVersion, command, false);
    }

    private ApplicationView decide(Caller caller, long applicationId, @Nullable Long expectedVersion,
                                   DecisionCommand command, boolean separateDuties) {
        caller.requireRole("record decisions", Role.FITKO);
        Checked checked = check(command);
        FundingApplication current = applications.lockForChange(caller, applicationId, expectedVersion,
                "record decisions", Role.FITKO);
        if (separateDuties && !prepared(caller, List.of(current.id())).isEmpty()) {
            throw new Forbidden("You created, edited or submitted application " + applicationId
                    + "; a different FITKO user must decide it.");
        }
        List<FieldError> errors = new ArrayList<>();
        withinRequest(current, checked.amount(), "approvedAmount", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        SavedChange decided = record(caller, current, null, command.outcome(), checked.amount(), checked.meeting(),
                command.kind(), checked.note(), clock.instant());
        envelopes.require(caller, applicationId, current.fundingSource(), decided.approvedYearChanges(),
                checked.overCommitment(), OverCommitmentCause.DECISION);
        return decided.application();
    }

    /** Of these applications, the ones the caller created, imported, edited or submitted. */
    private Set<Long> prepared(Caller caller, Collection<Long> applicationIds) {
        return audit.actedOn(applicationIds, caller.username(), PREPARING);
    }

    private static void withinRequest(FundingApplication application, @Nullable BigDecimal approved, String field,
                                      List<FieldError> errors) {
        if (approved != null && approved.compareTo(application.requestedAmount()) > 0) {
            errors.add(new FieldError(field, RuleCode.APPROVAL_ABOVE_REQUEST,
                    application.requestedAmount().toPlainString()));
        }
    }

    /**
     * The field rules of {@link #decide} without deciding anything, for callers that check a
     * decision before the application it belongs to exists (an import's dry run). Throws
     * {@link InvalidInput} naming each broken rule.
     */
    public void requireValid(DecisionCommand command) {
        check(command);
    }

    private record Checked(Meeting meeting, @Nullable BigDecimal amount, @Nullable String note,
                           @Nullable OverCommitmentReason overCommitment) {
    }

    private Checked check(DecisionCommand command) {
        List<FieldError> errors = new ArrayList<>();
        Meeting meeting = DecisionRules.meeting(errors, command.body(), command.meetingDate(), command.agendaItem(),
                LocalDate.now(clock));
        DecisionRules.required(errors, "outcome", command.outcome());
        DecisionRules.required(errors, "kind", command.kind());
        BigDecimal amount = DecisionRules.approvedAmount(errors, "approvedAmount", command.outcome(), command.approvedAmount());
        String note = DecisionRules.text(errors, "note", command.note(), DecisionRules.NOTE_MAX, false);
        OverCommitmentReason overCommitment = OverCommitmentReason.accept(errors, command.overCommitment());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(meeting, amount, note, overCommitment);
    }

    /**
     * All or nothing: every item is checked (fields, existence, status) before anything is
     * written, and every bad item is named. The rows are locked in id order, so two batches over
     * the same applications queue up instead of deadlocking; the kept totals of their years are
     * locked next, in (source, year) order. The envelopes are checked item after item, each with the
     * items before it approved: every item that takes an envelope past its amount is named.
     */
    @RetryOnConflict
    @Transactional
    public BatchOutcome decideAll(Caller caller, BatchCommand command) {
        caller.requireRole("record decisions", Role.FITKO);
        List<FieldError> errors = new ArrayList<>();
        Meeting meeting = DecisionRules.meeting(errors, command.body(), command.meetingDate(), command.agendaItem(),
                LocalDate.now(clock));
        DecisionRules.required(errors, "kind", command.kind());
        OverCommitmentReason overCommitment = OverCommitmentReason.accept(errors, command.overCommitment());
        List<BatchCommand.Item> items = command.items() == null ? List.of() : command.items();
        if (items.isEmpty()) {
            errors.add(new FieldError("items", RuleCode.BATCH_EMPTY));
        } else if (items.size() > BATCH_MAX) {
            errors.add(new FieldError("items", RuleCode.BATCH_TOO_LARGE, BATCH_MAX));
        }
        List<BigDecimal> amounts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            BatchCommand.Item item = items.get(i) == null ? new BatchCommand.Item(null, null, null, null) : items.get(i);
            String prefix = "items[" + i + "].";
            DecisionRules.required(errors, prefix + "applicationId", item.applicationId());
            if (item.applicationId() != null && !seen.add(item.applicationId())) {
                errors.add(new FieldError(prefix + "applicationId", RuleCode.BATCH_DUPLICATE));
            }
            DecisionRules.required(errors, prefix + "outcome", item.outcome());
            amounts.add(DecisionRules.approvedAmount(errors, prefix + "approvedAmount", item.outcome(), item.approvedAmount()));
            notes.add(DecisionRules.text(errors, prefix + "note", item.note(), DecisionRules.NOTE_MAX, false));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<Long, FundingApplication> locked = lockAll(caller, items, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Set<Long> preparedByCaller = prepared(caller, locked.keySet());
        List<FieldError> prepared = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FundingApplication application = locked.get(items.get(i).applicationId());
            if (preparedByCaller.contains(application.id())) {
                prepared.add(new FieldError("items[" + i + "].applicationId", RuleCode.BATCH_PREPARED,
                        application.id()));
            }
            withinRequest(application, amounts.get(i), "items[" + i + "].approvedAmount", errors);
        }
        if (!prepared.isEmpty()) {
            throw new Forbidden("The batch holds applications you prepared; a different FITKO user must decide them.",
                    prepared);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        allocations.lockTotals(items.stream().filter(item -> item.outcome() == Outcome.APPROVED)
                .map(item -> locked.get(item.applicationId())).toList());
        Instant now = clock.instant();
        MeetingBatch batch = batches.save(new MeetingBatch(null, meeting.body(), meeting.date(), meeting.agendaItem(),
                command.kind(), caller.username(), now));
        List<ApplicationView> decided = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchCommand.Item item = items.get(i);
            FundingApplication application = locked.get(item.applicationId());
            SavedChange change = record(caller, application, batch.id(), item.outcome(), amounts.get(i), meeting,
                    command.kind(), notes.get(i), now);
            shortfalls.addAll(envelopes.shortfalls("items[" + i + "]." + EnvelopeCheck.FIELD, application.id(),
                    application.fundingSource(), change.approvedYearChanges()));
            decided.add(change.application());
        }
        envelopes.settle(caller, shortfalls, overCommitment, OverCommitmentCause.BATCH);
        return new BatchOutcome(batch.id(), decided);
    }

    private Map<Long, FundingApplication> lockAll(Caller caller, List<BatchCommand.Item> items, List<FieldError> errors) {
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            positions.put(items.get(i).applicationId(), i);
        }
        Map<Long, FundingApplication> locked = new HashMap<>();
        for (Long id : positions.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
            String field = "items[" + positions.get(id) + "].applicationId";
            try {
                FundingApplication application = applications.lockForChange(caller, id, null, "record decisions", Role.FITKO);
                if (application.status() != Status.SUBMITTED) {
                    errors.add(new FieldError(field, RuleCode.BATCH_NOT_SUBMITTED, id, application.status()));
                }
                locked.put(id, application);
            } catch (NotFound e) {
                errors.add(new FieldError(field, RuleCode.BATCH_UNKNOWN, id));
            }
        }
        return locked;
    }

    private SavedChange record(Caller caller, FundingApplication current, @Nullable Long batchId, Outcome outcome,
                                   @Nullable BigDecimal amount, Meeting meeting, DecisionKind kind, @Nullable String note,
                                   Instant now) {
        // the state machine refuses before anything is written
        FundingApplication decided = current.decided(outcome.status(),
                outcome == Outcome.APPROVED ? amount : current.approvedAmount(), now);
        Decision decision = decisions.save(new Decision(null, current.id(), batchId, outcome, amount, meeting.body(),
                meeting.date(), meeting.agendaItem(), kind, note, caller.username(), now));
        List<FieldChange> details = new ArrayList<>(List.of(
                new FieldChange("decision.id", null, decision.id().toString()),
                new FieldChange("decision.outcome", null, outcome.name()),
                new FieldChange("decision.meeting", null, meeting.toString()),
                new FieldChange("decision.kind", null, kind.name())));
        if (note != null) {
            details.add(new FieldChange("decision.note", null, note));
        }
        return applications.saveChange(caller, current, decided, AuditAction.DECIDED, details);
    }
}
