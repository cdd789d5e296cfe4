package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.YearAllocations;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The envelope rule of every change of approved shares (decision, batch, amendment, carry-over) and
 * of the envelopes themselves: committed may not exceed an envelope's amount, unless the change says
 * why, and then the over-commitment is recorded and audited. A change only answers for the years it
 * raised: cutting a share of an already over-committed year is always allowed.
 *
 * <p>Lock order, the same for every writer: the application row(s), then the kept totals in
 * (source, year) order (the change of the year split takes them), then the envelope rows.
 */
@Singleton
public class EnvelopeCheck {

    private final YearAllocations allocations;
    private final EnvelopeRepository envelopes;
    private final OverCommitmentRepository overCommitments;
    private final AuditTrail audit;
    private final Clock clock;

    public EnvelopeCheck(YearAllocations allocations, EnvelopeRepository envelopes,
                         OverCommitmentRepository overCommitments, AuditTrail audit, Clock clock) {
        this.allocations = allocations;
        this.envelopes = envelopes;
        this.overCommitments = overCommitments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a shortfall is named in a 409 of a change of one application. */
    public static final String FIELD = "fundingSource";

    /** {@link #shortfalls} and {@link #settle} for a change of one application. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void require(Caller caller, long applicationId, FundingSource source, SortedMap<Integer, BigDecimal> yearChanges,
                        @Nullable OverCommitmentReason reason, OverCommitmentCause cause) {
        settle(caller, shortfalls(FIELD, applicationId, source, yearChanges), reason, cause);
    }

    /**
     * Of the years whose approved share the change raised, those whose committed total now exceeds
     * their envelope. The caller has made the change in this transaction, so the totals hold it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Shortfall> shortfalls(String field, long applicationId, FundingSource source,
                                      SortedMap<Integer, BigDecimal> yearChanges) {
        List<Shortfall> shortfalls = new ArrayList<>();
        yearChanges.forEach((year, change) -> {
            if (change.signum() > 0) {
                BigDecimal committed = allocations.lockedTotal(source, year);
                envelopes.lockedAmount(source.name(), year)
                        .filter(amount -> committed.compareTo(amount) > 0)
                        .ifPresent(amount -> shortfalls.add(new Shortfall(field, applicationId, source, year, amount, committed)));
            }
        });
        return shortfalls;
    }

    /**
     * Refuses the change with 409 naming every shortfall, unless it carries a reason: then each
     * shortfall is recorded, and each application (or envelope) concerned gets an OVER_COMMITTED event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(Caller caller, List<Shortfall> shortfalls, @Nullable OverCommitmentReason reason,
                       OverCommitmentCause cause) {
        if (shortfalls.isEmpty()) {
            return;
        }
        if (reason == null) {
            throw new EnvelopeExceeded(shortfalls);
        }
        Instant now = clock.instant();
        Map<Long, List<Shortfall>> byApplication = new LinkedHashMap<>();
        for (Shortfall shortfall : shortfalls) {
            overCommitments.save(new OverCommitment(null, shortfall.applicationId(), shortfall.fundingSource(),
                    shortfall.year(), shortfall.envelope(), shortfall.committed(), shortfall.shortfall(), cause,
                    reason.reason(), caller.username(), now));
            if (shortfall.applicationId() == null) {
                audit.recordEnvelope(shortfall.envelopeName(), caller, AuditAction.OVER_COMMITTED,
                        details(List.of(shortfall), cause, reason));
            } else {
                byApplication.computeIfAbsent(shortfall.applicationId(), id -> new ArrayList<>()).add(shortfall);
            }
        }
        byApplication.forEach((applicationId, ofApplication) -> audit.record(applicationId, caller,
                AuditAction.OVER_COMMITTED, details(ofApplication, cause, reason)));
    }

    private static List<FieldChange> details(List<Shortfall> shortfalls, OverCommitmentCause cause,
                                             OverCommitmentReason reason) {
        List<FieldChange> details = new ArrayList<>(List.of(
                new FieldChange("overCommitment.cause", null, cause.name()),
                new FieldChange("overCommitment.reason", null, reason.reason())));
        for (Shortfall shortfall : shortfalls) {
            String envelope = "envelope." + shortfall.envelopeName();
            details.add(new FieldChange(envelope + ".amount", null, shortfall.envelope().toPlainString()));
            details.add(new FieldChange(envelope + ".committed", null, shortfall.committed().toPlainString()));
            details.add(new FieldChange(envelope + ".shortfall", null, shortfall.shortfall().toPlainString()));
        }
        return details;
    }
}
