package de.foerderregister.decision;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.Money;
import de.foerderregister.application.SavedChange;
import de.foerderregister.application.Status;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.budget.PaymentLimits;
import de.foerderregister.budget.EnvelopeCheck;
import de.foerderregister.budget.OverCommitmentCause;
import de.foerderregister.budget.OverCommitmentReason;
import de.foerderregister.decision.AmendmentReview.ReviewOutcome;
import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.Forbidden;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import de.foerderregister.db.RetryOnConflict;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes of approved amounts. Small ones take effect at once; large ones (see
 * {@link FourEyesPolicy}) are proposed by one FITKO user and take effect when another confirms.
 * While one awaits its review, no other amendment of the application is taken. A raise that takes
 * an envelope past its amount, when it takes effect, needs a reason ({@link EnvelopeCheck}).
 */
@Singleton
public class AmendmentService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ApplicationService applications;
    private final AmendmentRepository amendments;
    private final AmendmentReviewRepository reviews;
    private final DecisionLedger ledger;
    private final FourEyesPolicy fourEyes;
    private final PaymentLimits paymentLimits;
    private final EnvelopeCheck envelopes;
    private final Clock clock;

    public AmendmentService(ApplicationService applications, AmendmentRepository amendments,
                            AmendmentReviewRepository reviews, DecisionLedger ledger, FourEyesPolicy fourEyes,
                            PaymentLimits paymentLimits, EnvelopeCheck envelopes, Clock clock) {
        this.applications = applications;
        this.amendments = amendments;
        this.reviews = reviews;
        this.ledger = ledger;
        this.fourEyes = fourEyes;
        this.paymentLimits = paymentLimits;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /** The amendments awaiting this FITKO user's confirmation: proposed by another, not yet reviewed; oldest first. */
    @Transactional
    public Page<PendingAmendment> awaitingConfirmation(Caller caller, Pageable pageable) {
        caller.requireRole("review amendments", Role.FITKO);
        return Page.of(amendments.findPendingFor(caller.username(), pageable.getSize(), pageable.getOffset()), pageable,
                amendments.countPendingFor(caller.username()));
    }

    @RetryOnConflict
    @Transactional
    public AmendmentOutcome amend(Caller caller, long applicationId, @Nullable Long expectedVersion,
                                  AmendmentCommand command) {
        caller.requireRole("record amendments", Role.FITKO);
        List<FieldError> errors = new ArrayList<>();
        Meeting meeting = DecisionRules.meeting(errors, command.body(), command.meetingDate(), command.agendaItem(),
                LocalDate.now(clock));
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        BigDecimal newAmount = null;
        BigDecimal vatRate = null;
        if ((command.newApprovedAmount() == null) == (command.vatRatePercent() == null)) {
            errors.add(new FieldError("newApprovedAmount", RuleCode.AMENDMENT_AMOUNT_OR_VAT));
            errors.add(new FieldError("vatRatePercent", RuleCode.AMENDMENT_AMOUNT_OR_VAT));
        } else if (command.newApprovedAmount() != null) {
            newAmount = Money.accept(errors, "newApprovedAmount", command.newApprovedAmount(), true);
        } else {
            vatRate = DecisionRules.vatRate(errors, command.vatRatePercent());
        }
        OverCommitmentReason overCommitment = OverCommitmentReason.accept(errors, command.overCommitment());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        FundingApplication current = applications.lockForChange(caller, applicationId, expectedVersion,
                "record amendments", Role.FITKO);
        if (current.status() != Status.APPROVED) {
            throw new Conflict("Only an APPROVED application can be amended; application " + applicationId
                    + " is " + current.status() + ".");
        }
        List<Amendment> pending = amendments.findPending(applicationId);
        if (!pending.isEmpty()) {
            throw new Conflict("Amendment " + pending.get(0).id() + " awaits its confirmation by a second FITKO user;"
                    + " confirm or decline it first.");
        }
        LocalDate approvedOn = ledger.approval(applicationId).orElseThrow().meetingDate();
        if (meeting.date().isBefore(approvedOn)) {
            throw InvalidInput.of("meetingDate", RuleCode.AMENDMENT_BEFORE_APPROVAL, approvedOn);
        }
        // amendments follow each other in time, so the amount as of any day is the last one recorded by then
        ledger.lastAmendmentMeeting(applicationId).filter(meeting.date()::isBefore).ifPresent(last -> {
            throw InvalidInput.of("meetingDate", RuleCode.AMENDMENT_BEFORE_PREVIOUS, last);
        });
        BigDecimal previous = current.approvedAmount();
        BigDecimal gross = vatRate == null ? newAmount
                : Money.round(previous.multiply(HUNDRED.add(vatRate)).divide(HUNDRED));
        if (gross.compareTo(previous) == 0) {
            throw InvalidInput.of(vatRate == null ? "newApprovedAmount" : "vatRatePercent",
                    RuleCode.AMENDMENT_UNCHANGED, previous);
        }
        if (gross.compareTo(Money.LIMIT) >= 0) {
            throw InvalidInput.of(vatRate == null ? "newApprovedAmount" : "vatRatePercent",
                    RuleCode.AMENDMENT_TOO_LARGE);
        }
        BigDecimal net = vatRate == null ? gross : previous;
        boolean needsSecondPair = fourEyes.needsSecondPair(ledger.settledAmount(applicationId), gross);
        Instant now = clock.instant();
        Amendment amendment = amendments.save(new Amendment(null, applicationId, previous, net, vatRate,
                gross.subtract(net), gross, reason, meeting.body(), meeting.date(), meeting.agendaItem(),
                needsSecondPair, caller.username(), now));
        SavedChange application = applications.saveChange(caller, current,
                current.amended(needsSecondPair ? previous : gross, now),
                needsSecondPair ? AuditAction.AMENDMENT_PROPOSED : AuditAction.AMENDED, details(amendment));
        // an amount or share cut below what payments hold is refused, and all of the above rolled back
        paymentLimits.requireCovered(applicationId);
        envelopes.require(caller, applicationId, current.fundingSource(), application.approvedYearChanges(),
                overCommitment, OverCommitmentCause.AMENDMENT);
        return new AmendmentOutcome(AmendmentView.of(amendment, null), application.application());
    }

    /**
     * The second pair of eyes: any FITKO user but the proposer may confirm; anyone of FITKO may decline.
     * {@code overCommitment} is the confirmer's reason where the confirmed raise exceeds an envelope.
     */
    @RetryOnConflict
    @Transactional
    public AmendmentOutcome review(Caller caller, long applicationId, long amendmentId, ReviewOutcome outcome,
                                   @Nullable OverCommitmentReason overCommitment) {
        caller.requireRole("review amendments", Role.FITKO);
        List<FieldError> errors = new ArrayList<>();
        OverCommitmentReason reason = OverCommitmentReason.accept(errors, overCommitment);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        FundingApplication current = applications.lockForChange(caller, applicationId, null, "review amendments", Role.FITKO);
        Amendment amendment = amendments.findByIdAndApplicationId(amendmentId, applicationId)
                .orElseThrow(() -> new NotFound("Amendment " + amendmentId + " of application " + applicationId));
        if (!amendment.needsSecondPair()) {
            throw new Conflict("Amendment " + amendmentId + " took effect at once; it needs no review.");
        }
        reviews.findById(amendmentId).ifPresent(done -> {
            throw new Conflict("Amendment " + amendmentId + " was already " + done.outcome().name().toLowerCase()
                    + " by " + done.reviewedBy() + ".");
        });
        if (outcome == ReviewOutcome.CONFIRMED && amendment.recordedBy().equals(caller.username())) {
            throw new Forbidden("Amendment " + amendmentId + " was proposed by you; a different FITKO user must confirm it.");
        }
        Instant now = clock.instant();
        AmendmentReview review = reviews.save(new AmendmentReview(amendmentId, outcome, caller.username(), now));
        BigDecimal approved = outcome == ReviewOutcome.CONFIRMED ? amendment.grossAmount() : current.approvedAmount();
        List<FieldChange> details = new ArrayList<>(details(amendment));
        details.add(new FieldChange("amendment.proposedBy", null, amendment.recordedBy()));
        SavedChange application = applications.saveChange(caller, current, current.amended(approved, now),
                outcome == ReviewOutcome.CONFIRMED ? AuditAction.AMENDMENT_CONFIRMED : AuditAction.AMENDMENT_DECLINED,
                details);
        paymentLimits.requireCovered(applicationId);
        envelopes.require(caller, applicationId, current.fundingSource(), application.approvedYearChanges(), reason,
                OverCommitmentCause.AMENDMENT);
        return new AmendmentOutcome(AmendmentView.of(amendment, review), application.application());
    }

    private static List<FieldChange> details(Amendment amendment) {
        List<FieldChange> details = new ArrayList<>(List.of(
                new FieldChange("amendment.id", null, amendment.id().toString()),
                new FieldChange("amendment.net", null, amendment.netAmount().toPlainString()),
                new FieldChange("amendment.vat", null, amendment.vatAmount().toPlainString()),
                new FieldChange("amendment.gross", null, amendment.grossAmount().toPlainString()),
                new FieldChange("amendment.reason", null, amendment.reason()),
                new FieldChange("amendment.meeting", null,
                        new Meeting(amendment.body(), amendment.meetingDate(), amendment.agendaItem()).toString())));
        if (amendment.vatRatePercent() != null) {
            details.add(new FieldChange("amendment.vatRatePercent", null, amendment.vatRatePercent().toPlainString()));
        }
        return details;
    }
}
