package de.foerderregister.budget;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.Dates;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.Money;
import de.foerderregister.application.Status;
import de.foerderregister.application.YearAllocations;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Übertragung: FITKO moves an unpaid approved share into a later year of the runtime. The total stays,
 * the year split and every yearly figure follow, and the receiving year answers to its envelope.
 */
@Singleton
public class CarryOverService {

    private final ApplicationService applications;
    private final YearAllocations allocations;
    private final Claims claims;
    private final CarryOverRepository carryOvers;
    private final EnvelopeCheck envelopes;
    private final AuditTrail audit;
    private final Clock clock;

    public CarryOverService(ApplicationService applications, YearAllocations allocations, Claims claims,
                            CarryOverRepository carryOvers, EnvelopeCheck envelopes, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.allocations = allocations;
        this.claims = claims;
        this.carryOvers = carryOvers;
        this.envelopes = envelopes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Locks the application, then reads its shares and what its payments hold of them (both locked, so
     * no payment request can take the money being moved), then moves it.
     */
    @RetryOnConflict
    @Transactional
    public CarryOver carry(Caller caller, long applicationId, CarryOverCommand command) {
        caller.requireRole("carry over approved shares", Role.FITKO);
        List<FieldError> errors = new ArrayList<>();
        Integer fromYear = year(errors, "fromYear", command.fromYear());
        Integer toYear = year(errors, "toYear", command.toYear());
        if (fromYear != null && toYear != null && toYear <= fromYear) {
            errors.add(new FieldError("toYear", RuleCode.CARRY_OVER_YEAR_ORDER, fromYear));
        }
        BigDecimal amount = Money.accept(errors, "amount", command.amount(), true);
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        OverCommitmentReason overCommitment = OverCommitmentReason.accept(errors, command.overCommitment());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        FundingApplication application = applications.lockForChange(caller, applicationId, null,
                "carry over approved shares", Role.FITKO);
        if (application.status() != Status.APPROVED) {
            throw new Conflict("Only an APPROVED application's shares can be carried over; application "
                    + applicationId + " is " + application.status() + ".");
        }
        SortedMap<Integer, BigDecimal> shares = allocations.approvedShares(applicationId);
        inRuntime(errors, "fromYear", fromYear, shares);
        inRuntime(errors, "toYear", toYear, shares);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        BigDecimal unpaid = shares.get(fromYear).subtract(Claims.of(claims.byYear(applicationId), fromYear).held());
        if (amount.compareTo(unpaid) > 0) {
            throw new MoreThanUnpaid(applicationId, fromYear, unpaid);
        }
        SortedMap<Integer, BigDecimal> changes = allocations.carry(application, fromYear, toYear, amount);
        CarryOver carryOver = carryOvers.save(new CarryOver(null, applicationId, fromYear, toYear, amount, reason,
                caller.username(), clock.instant()));
        audit.record(applicationId, caller, AuditAction.CARRIED_OVER, List.of(
                new FieldChange("carryOver.id", null, carryOver.id().toString()),
                new FieldChange("carryOver.fromYear", null, fromYear.toString()),
                new FieldChange("carryOver.toYear", null, toYear.toString()),
                new FieldChange("carryOver.amount", null, amount.toPlainString()),
                new FieldChange("carryOver.reason", null, reason),
                share(fromYear, shares, changes),
                share(toYear, shares, changes)));
        envelopes.require(caller, applicationId, application.fundingSource(), changes, overCommitment,
                OverCommitmentCause.CARRY_OVER);
        return carryOver;
    }

    /** The application's carry-overs, oldest first; a STATE user sees only their own state's. */
    @Connectable
    public List<CarryOver> list(Caller caller, long applicationId) {
        applications.requireVisible(caller, applicationId);
        return carryOvers.findByApplicationIdOrderById(applicationId);
    }

    private static @Nullable Integer year(List<FieldError> errors, String field, @Nullable Integer year) {
        if (year == null) {
            errors.add(new FieldError(field, RuleCode.REQUIRED));
            return null;
        }
        return Dates.acceptYear(errors, field, year) ? year : null;
    }

    /** The years of the runtime are the years the application's split has a part in. */
    private static void inRuntime(List<FieldError> errors, String field, int year, SortedMap<Integer, BigDecimal> shares) {
        if (!shares.containsKey(year)) {
            errors.add(new FieldError(field, RuleCode.CARRY_OVER_YEAR_RUNTIME, shares.firstKey(), shares.lastKey()));
        }
    }

    /** The year's approved share before and after, as the history shows it. */
    private static FieldChange share(int year, SortedMap<Integer, BigDecimal> before, SortedMap<Integer, BigDecimal> changes) {
        BigDecimal old = before.get(year);
        return new FieldChange("approvedShare." + year, old.toPlainString(), old.add(changes.get(year)).toPlainString());
    }
}
