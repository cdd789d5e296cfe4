package de.foerderregister.budget;

import de.foerderregister.application.Dates;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.Money;
import de.foerderregister.application.YearAllocations;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditEventView;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.RetryOnConflict;
import de.foerderregister.decision.DecisionRules;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The envelopes (Mittelrahmen) per funding source × year: FINANCE sets them, FINANCE and FITKO read
 * them with what is committed, paid and still available. They are federal budget figures: a state's
 * users do not see them.
 */
@Singleton
public class Envelopes {

    private static final Role[] READERS = {Role.FITKO, Role.FINANCE};

    private final EnvelopeRepository envelopes;
    private final YearAllocations allocations;
    private final EnvelopeCheck check;
    private final AuditTrail audit;
    private final Clock clock;

    public Envelopes(EnvelopeRepository envelopes, YearAllocations allocations, EnvelopeCheck check, AuditTrail audit,
                     Clock clock) {
        this.envelopes = envelopes;
        this.allocations = allocations;
        this.check = check;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets the envelope's amount. Lowering it below what is committed is an over-commitment: refused
     * unless the command says why. The committed total is locked before the envelope, in the order
     * every change of approved shares takes them.
     */
    @RetryOnConflict
    @Transactional
    public EnvelopeView set(Caller caller, FundingSource source, int year, EnvelopeCommand command) {
        caller.requireRole("set budget envelopes", Role.FINANCE);
        List<FieldError> errors = new ArrayList<>();
        Dates.acceptYear(errors, "year", year);
        BigDecimal amount = Money.accept(errors, "amount", command.amount(), false);
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        OverCommitmentReason overCommitment = OverCommitmentReason.accept(errors, command.overCommitment());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        BigDecimal committed = allocations.lockedTotal(source, year);
        Optional<Envelope> before = envelopes.findForUpdate(source.name(), year);
        // the database keeps microseconds; the history shows what is stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        envelopes.set(source.name(), year, amount, reason, caller.username(), now);
        audit.recordEnvelope(EnvelopeView.name(source, year), caller, AuditAction.ENVELOPE_SET, List.of(
                new FieldChange("amount", before.map(envelope -> envelope.amount().toPlainString()).orElse(null),
                        amount.toPlainString()),
                new FieldChange("reason", before.map(Envelope::reason).orElse(null), reason)));
        boolean lowered = before.map(envelope -> amount.compareTo(envelope.amount()) < 0).orElse(true);
        if (lowered && committed.compareTo(amount) > 0) {
            check.settle(caller, List.of(new Shortfall(EnvelopeCheck.FIELD, null, source, year, amount, committed)),
                    overCommitment, OverCommitmentCause.ENVELOPE);
        }
        return envelopes.figuresOf(source.name(), year).orElseThrow();
    }

    @Connectable
    public List<EnvelopeView> list(Caller caller, @Nullable Integer year, @Nullable FundingSource source) {
        caller.requireRole("read budget envelopes", READERS);
        Dates.requireYear("year", year);
        return envelopes.figures(year, source == null ? null : source.name());
    }

    @Connectable
    public EnvelopeView get(Caller caller, FundingSource source, int year) {
        caller.requireRole("read budget envelopes", READERS);
        return envelopes.figuresOf(source.name(), year).orElseThrow(() -> notFound(source, year));
    }

    /** Every setting of the envelope and every over-commitment of it by lowering, oldest first. */
    @Connectable
    public List<AuditEventView> history(Caller caller, FundingSource source, int year) {
        caller.requireRole("read budget envelopes", READERS);
        if (envelopes.figuresOf(source.name(), year).isEmpty()) {
            throw notFound(source, year);
        }
        return audit.envelopeHistory(EnvelopeView.name(source, year));
    }

    private static NotFound notFound(FundingSource source, int year) {
        return new NotFound("Envelope " + EnvelopeView.name(source, year));
    }
}
