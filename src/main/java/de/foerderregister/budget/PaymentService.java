package de.foerderregister.budget;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.Dates;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.Money;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.application.YearAllocations;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.ConflictRetries;
import de.foerderregister.db.RetryOnConflict;
import de.foerderregister.decision.DecisionLedger;
import de.foerderregister.decision.DecisionRules;
import de.foerderregister.obligation.ObligationService;
import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.Forbidden;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.PreconditionFailed;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Payments against an approval (Mittelabruf → Auszahlung) and repayments. The state asks for
 * money of a year, FITKO releases it (never the user who asked), finance books it as paid; FITKO
 * rejects, the requester or FITKO cancels, before it is paid. Every move locks the application
 * row first, then the payment, checks the status under that lock and writes an audit event in the
 * same transaction; a paid payment is never changed again.
 */
@Singleton
public class PaymentService {

    static final int BOOKING_REFERENCE_MAX = 64;
    private static final Role[] READERS = {Role.STATE, Role.FITKO, Role.FINANCE};

    private final ApplicationService applications;
    private final PaymentRepository payments;
    private final RepaymentRepository repayments;
    private final PaymentLimits limits;
    private final YearAllocations allocations;
    private final DecisionLedger ledger;
    private final ObligationService obligations;
    private final AuditTrail audit;
    private final Clock clock;

    PaymentService(ApplicationService applications, PaymentRepository payments, RepaymentRepository repayments,
                   PaymentLimits limits, YearAllocations allocations, DecisionLedger ledger,
                   ObligationService obligations, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.payments = payments;
        this.repayments = repayments;
        this.limits = limits;
        this.allocations = allocations;
        this.ledger = ledger;
        this.obligations = obligations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A payment request by the application's state or by FITKO; answers it in REQUESTED. */
    @RetryOnConflict
    @Transactional
    public Payment request(Caller caller, long applicationId, PaymentCommand command) {
        caller.requireRole("request payments", Role.STATE, Role.FITKO);
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = Money.accept(errors, "amount", command.amount(), true);
        year(errors, command.year());
        String purpose = DecisionRules.text(errors, "purpose", command.purpose(), DecisionRules.REASON_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        FundingApplication application = applications.lockForChange(caller, applicationId, null, "request payments",
                Role.STATE, Role.FITKO);
        requireApproved(application);
        // no new money while a report is overdue (registry.obligations.block-payments-when-overdue)
        obligations.requireNoneOverdue(applicationId);
        limits.requireRoom(application, command.year(), amount);
        Payment saved = payments.save(Payment.requested(applicationId, command.year(), amount, purpose,
                caller.username(), clock.instant()));
        record(caller, null, saved, AuditAction.PAYMENT_REQUESTED, List.of(new FieldChange("payment.purpose", null, purpose)));
        return saved;
    }

    /** FITKO releases a requested payment for booking; the user who requested it may not. */
    @RetryOnConflict
    @Transactional
    public Payment release(Caller caller, long applicationId, long paymentId, @Nullable Long expectedVersion) {
        caller.requireRole("release payments", Role.FITKO);
        Payment payment = lock(caller, applicationId, paymentId, expectedVersion, "release payments", Role.FITKO).payment();
        if (payment.requestedBy().equals(caller.username())) {
            throw new Forbidden("You requested payment " + paymentId + "; a different FITKO user must release it.");
        }
        return record(caller, payment, payments.update(payment.released(caller.username(), clock.instant())),
                AuditAction.PAYMENT_RELEASED, List.of());
    }

    /** Finance books a released payment as paid, with the day and its booking reference; the paid totals follow. */
    @RetryOnConflict
    @Transactional
    public Payment pay(Caller caller, long applicationId, long paymentId, @Nullable Long expectedVersion,
                       BookingCommand command) {
        caller.requireRole("book payments", Role.FINANCE);
        List<FieldError> errors = new ArrayList<>();
        DecisionRules.pastDate(errors, "paidOn", command.paidOn(), LocalDate.now(clock));
        String reference = DecisionRules.text(errors, "bookingReference", command.bookingReference(),
                BOOKING_REFERENCE_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Locked locked = lock(caller, applicationId, paymentId, expectedVersion, "book payments", Role.FINANCE);
        Payment payment = locked.payment();
        Payment paid = payment.paid(command.paidOn(), reference, caller.username(), clock.instant());
        requireAfterApproval(applicationId, "paidOn", command.paidOn());
        payments.findIdByBookingReference(reference).ifPresent(other -> {
            throw bookingReferenceTaken(reference, other);
        });
        Payment saved;
        try {
            saved = payments.update(paid);
        } catch (DataAccessException e) {
            // the same reference booked at this moment on another application: the unique index decides
            if (!ConflictRetries.isDuplicateKey(e)) {
                throw e;
            }
            throw bookingReferenceTaken(reference, payments.findIdByBookingReference(reference).orElse(null));
        }
        payments.addToTotal(locked.application().fundingSource().name(), saved.year(), saved.amount());
        return record(caller, payment, saved, AuditAction.PAYMENT_PAID, List.of(
                new FieldChange("payment.paidOn", null, saved.paidOn().toString()),
                new FieldChange("payment.bookingReference", null, reference)));
    }

    /** FITKO refuses a requested or released payment, with the reason. */
    @RetryOnConflict
    @Transactional
    public Payment reject(Caller caller, long applicationId, long paymentId, @Nullable Long expectedVersion,
                          ClosingCommand command) {
        caller.requireRole("reject payments", Role.FITKO);
        String reason = reason(command);
        Payment payment = lock(caller, applicationId, paymentId, expectedVersion, "reject payments", Role.FITKO).payment();
        return close(caller, payment, PaymentStatus.REJECTED, reason, AuditAction.PAYMENT_REJECTED);
    }

    /** The requester or FITKO withdraws a payment that has not been paid, with the reason. */
    @RetryOnConflict
    @Transactional
    public Payment cancel(Caller caller, long applicationId, long paymentId, @Nullable Long expectedVersion,
                          ClosingCommand command) {
        caller.requireRole("cancel payments", Role.STATE, Role.FITKO);
        String reason = reason(command);
        Payment payment = lock(caller, applicationId, paymentId, expectedVersion, "cancel payments",
                Role.STATE, Role.FITKO).payment();
        if (caller.role() != Role.FITKO && !payment.requestedBy().equals(caller.username())) {
            throw new Forbidden("Payment " + paymentId + " was requested by another user; only they or FITKO may cancel it.");
        }
        return close(caller, payment, PaymentStatus.CANCELLED, reason, AuditAction.PAYMENT_CANCELLED);
    }

    /** Finance records money that came back for a year, at most what was paid for it and not yet repaid. */
    @RetryOnConflict
    @Transactional
    public Repayment repay(Caller caller, long applicationId, RepaymentCommand command) {
        caller.requireRole("record repayments", Role.FINANCE);
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = Money.accept(errors, "amount", command.amount(), true);
        year(errors, command.year());
        DecisionRules.pastDate(errors, "receivedOn", command.receivedOn(), LocalDate.now(clock));
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        FundingApplication application = applications.lockForChange(caller, applicationId, null, "record repayments",
                Role.FINANCE);
        requireApproved(application);
        requireAfterApproval(applicationId, "receivedOn", command.receivedOn());
        limits.requireRepayable(application, command.year(), amount);
        Repayment saved = repayments.save(new Repayment(null, applicationId, command.year(), amount,
                command.receivedOn(), reason, caller.username(), clock.instant()));
        payments.addToTotal(application.fundingSource().name(), saved.year(), amount.negate());
        audit.record(applicationId, caller, AuditAction.REPAYMENT_RECORDED, List.of(
                new FieldChange("repayment.id", null, saved.id().toString()),
                new FieldChange("repayment.amount", null, amount.toPlainString()),
                new FieldChange("repayment.year", null, saved.year().toString()),
                new FieldChange("repayment.receivedOn", null, saved.receivedOn().toString()),
                new FieldChange("repayment.reason", null, reason)));
        return saved;
    }

    /**
     * An application's payments, repayments and figures, read in one snapshot so that the
     * figures add up to the rows shown. Scoped: another state's application answers 404.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public PaymentOverview overview(Caller caller, long applicationId) {
        ApplicationView application = applications.get(caller, applicationId, null);
        List<Payment> rows = payments.findByApplicationIdOrderById(applicationId);
        List<Repayment> returned = repayments.findByApplicationIdOrderById(applicationId);
        List<YearFigures> years = PaymentLimits.figures(allocations.committedShares(applicationId),
                Claims.sum(rows, returned));
        BigDecimal approved = application.approvedAmount() == null ? Money.exact(BigDecimal.ZERO)
                : application.approvedAmount();
        return new PaymentOverview(applicationId, years, TotalFigures.of(approved, years), rows, returned);
    }

    /** One payment of an application, scoped like the application. */
    @Transactional(readOnly = true)
    public Payment payment(Caller caller, long applicationId, long paymentId) {
        applications.requireVisible(caller, applicationId);
        return payments.findByIdAndApplicationId(paymentId, applicationId)
                .orElseThrow(() -> notFound("Payment", paymentId, applicationId));
    }

    /** One repayment of an application, scoped like the application. */
    @Transactional(readOnly = true)
    public Repayment repayment(Caller caller, long applicationId, long repaymentId) {
        applications.requireVisible(caller, applicationId);
        return repayments.findByIdAndApplicationId(repaymentId, applicationId)
                .orElseThrow(() -> notFound("Repayment", repaymentId, applicationId));
    }

    /**
     * Payments across applications, oldest request first: FITKO's work list is {@code status=REQUESTED},
     * finance's {@code status=RELEASED}. A STATE user sees their own state's only, whatever
     * {@code ownerState} says.
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Page<PaymentListRow> list(Caller caller, @Nullable PaymentStatus status, @Nullable Integer year,
                                     @Nullable StateCode ownerState, Pageable pageable) {
        caller.requireRole("read payments", READERS);
        Dates.requireYear("year", year);
        String state = caller.stateScope().or(() -> Optional.ofNullable(ownerState)).map(Enum::name).orElse(null);
        String statusName = status == null ? null : status.name();
        return Page.of(payments.workList(statusName, year, state, null, pageable.getSize(), pageable.getOffset()),
                pageable, payments.workListSize(statusName, year, state, null));
    }

    /** The requested payments this FITKO user may release: requested by someone else, oldest first. */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Page<PaymentListRow> toRelease(Caller caller, Pageable pageable) {
        caller.requireRole("release payments", Role.FITKO);
        String requested = PaymentStatus.REQUESTED.name();
        return Page.of(payments.workList(requested, null, null, caller.username(), pageable.getSize(),
                pageable.getOffset()), pageable, payments.workListSize(requested, null, null, caller.username()));
    }

    /** A payment and its application, both locked for a move. */
    private record Locked(FundingApplication application, Payment payment) {
    }

    /** The application row first, as every writer of its money does, then the payment; If-Match names the payment's version. */
    private Locked lock(Caller caller, long applicationId, long paymentId, @Nullable Long expectedVersion,
                        String action, Role... roles) {
        FundingApplication application = applications.lockForChange(caller, applicationId, null, action, roles);
        Payment payment = payments.findForMove(paymentId, applicationId)
                .orElseThrow(() -> notFound("Payment", paymentId, applicationId));
        if (expectedVersion != null && !expectedVersion.equals(payment.version())) {
            throw new PreconditionFailed(expectedVersion, payment.version());
        }
        return new Locked(application, payment);
    }

    private Payment close(Caller caller, Payment payment, PaymentStatus next, String reason, AuditAction action) {
        Payment saved = payments.update(payment.closed(next, reason, caller.username(), clock.instant()));
        return record(caller, payment, saved, action, List.of(new FieldChange("payment.reason", null, reason)));
    }

    /** The move's audit event on the application: which payment, its amount and year, the status before and after. */
    private Payment record(Caller caller, @Nullable Payment before, Payment after, AuditAction action,
                           List<FieldChange> details) {
        List<FieldChange> changes = new ArrayList<>(List.of(
                new FieldChange("payment.id", null, after.id().toString()),
                new FieldChange("payment.amount", null, after.amount().toPlainString()),
                new FieldChange("payment.year", null, after.year().toString()),
                new FieldChange("payment.status", before == null ? null : before.status().name(), after.status().name())));
        changes.addAll(details);
        audit.record(after.applicationId(), caller, action, changes);
        return after;
    }

    private static void year(List<FieldError> errors, @Nullable Integer year) {
        if (year == null) {
            errors.add(new FieldError("year", RuleCode.REQUIRED));
        } else {
            Dates.acceptYear(errors, "year", year);
        }
    }

    private static String reason(ClosingCommand command) {
        List<FieldError> errors = new ArrayList<>();
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return reason;
    }

    private static void requireApproved(FundingApplication application) {
        if (application.status() != Status.APPROVED) {
            throw new Conflict("Payments belong to an APPROVED application; application " + application.id()
                    + " is " + application.status() + ".");
        }
    }

    /** Money moves only after the approval: a day before its meeting is a typing error. */
    private void requireAfterApproval(long applicationId, String field, LocalDate day) {
        LocalDate approvedOn = ledger.approval(applicationId).orElseThrow().meetingDate();
        if (day.isBefore(approvedOn)) {
            throw InvalidInput.of(field, RuleCode.DATE_BEFORE_APPROVAL, approvedOn);
        }
    }

    private static BudgetConflict bookingReferenceTaken(String reference, @Nullable Long otherPayment) {
        return new BudgetConflict("The booking reference " + reference + " is already used by payment " + otherPayment
                + "; each booking belongs to exactly one payment.",
                List.of(new FieldError("bookingReference", RuleCode.PAYMENT_BOOKING_REFERENCE_TAKEN, reference, otherPayment)));
    }

    private static NotFound notFound(String what, long id, long applicationId) {
        return new NotFound(what + " " + id + " of application " + applicationId);
    }
}
