package de.foerderregister.aggregates;

import de.foerderregister.application.SummaryRow;
import de.foerderregister.application.SummaryTotalRepository;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.RetryOnConflict;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares every kept aggregate ({@code summary_total}, {@code allocation_total}, {@code payment_total})
 * with the GROUP BY over the rows, and on request rewrites the groups that differ, in one audited transaction.
 * A group of {@code summary_total} is kept in one row per write lane; its kept figures are their sum.
 *
 * <p>Everything is read in one REPEATABLE READ snapshot, so the kept and the computed figures are of the
 * same moment even while others commit, and a check alone locks nothing: writers go on. A repair first
 * locks the kept rows (and the gaps between them, so no writer adds a new group meanwhile) in the order
 * the writers take them (the per-source totals during a change, the summary's rows just before its
 * commit), and only then computes: a writer still running adds its change on top of what the repair
 * wrote. While a repair runs (a full GROUP BY, seconds at a million applications), changes wait for it.
 */
@Singleton
public class AggregateCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateCheck.class);
    static final String SUMMARY = "summary_total";
    static final String ALLOCATIONS = "allocation_total";
    static final String PAYMENTS = "payment_total";

    private final SummaryTotalRepository summaries;
    private final KeptTotalRepository totals;
    private final AuditTrail audit;

    public AggregateCheck(SummaryTotalRepository summaries, KeptTotalRepository totals, AuditTrail audit) {
        this.summaries = summaries;
        this.totals = totals;
        this.audit = audit;
    }

    /** ADMIN only: the differences, repaired when asked to. */
    @RetryOnConflict
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public AggregateReport verify(Caller caller, boolean repair) {
        caller.requireRole("verify the kept aggregates", Role.ADMIN);
        List<AggregateDifference> differences = new ArrayList<>();
        if (repair) {
            // the repair is audited in this lane, and this transaction's locks must not stand in the way of starting it
            audit.startOwnLane();
        }
        // all kept rows first: a repair's locking reads see the newest commits, the computed ones the
        // snapshot taken at the first plain read, which must come after every lock is held
        List<SourceYearAmount> keptAllocations = repair ? totals.allocationTotalsForUpdate() : totals.allocationTotals();
        List<SourceYearAmount> keptPayments = repair ? totals.paymentTotalsForUpdate() : totals.paymentTotals();
        List<SummaryRow> keptSummary = repair ? summaries.keptForUpdate() : summaries.kept();
        SortedMap<String, Pair<SourceYearAmount>> allocations = pair(keptAllocations, totals.allocationTotalsComputed(),
                SourceYearAmount::group);
        SortedMap<String, Pair<SourceYearAmount>> payments = pair(keptPayments, totals.paymentTotalsComputed(),
                SourceYearAmount::group);
        SortedMap<String, Pair<SummaryRow>> summary = pair(keptSummary, summaries.computed(), AggregateCheck::group);
        allocations.forEach((group, pair) -> {
            if (amount(pair.kept).compareTo(amount(pair.computed)) != 0) {
                differences.add(new AggregateDifference(ALLOCATIONS, group, amount(pair.kept).toPlainString(),
                        amount(pair.computed).toPlainString()));
                if (repair) {
                    totals.setAllocationTotal(source(pair), year(pair), amount(pair.computed));
                }
            }
        });
        payments.forEach((group, pair) -> {
            if (amount(pair.kept).compareTo(amount(pair.computed)) != 0) {
                differences.add(new AggregateDifference(PAYMENTS, group, amount(pair.kept).toPlainString(),
                        amount(pair.computed).toPlainString()));
                if (repair) {
                    totals.setPaymentTotal(source(pair), year(pair), amount(pair.computed));
                }
            }
        });
        summary.forEach((group, pair) -> {
            SummaryRow present = pair.kept != null ? pair.kept : pair.computed;
            SummaryRow kept = pair.kept != null ? pair.kept : present.key().zero();
            SummaryRow computed = pair.computed != null ? pair.computed : present.key().zero();
            if (!kept.sameFigures(computed)) {
                differences.add(new AggregateDifference(SUMMARY, group, figures(kept), figures(computed)));
                if (repair) {
                    // the group's whole figures in lane 1, the other lanes' shares gone: the lanes' sum is right again
                    summaries.set(computed.ownerState().name(), computed.type().name(), computed.fundingSource().name(),
                            computed.status().name(), computed.year(), computed.members(), computed.counted(),
                            computed.requested(), computed.approved(), computed.paid());
                    summaries.removeOtherLanes(computed.ownerState().name(), computed.type().name(),
                            computed.fundingSource().name(), computed.status().name(), computed.year());
                }
            }
        });
        AggregateReport report = AggregateReport.of(differences, repair);
        if (report.repaired()) {
            audit.recordAggregateRepair(caller, differences.stream()
                    .map(difference -> new FieldChange(difference.table() + " " + difference.group(), difference.kept(),
                            difference.computed()))
                    .toList());
        }
        if (report.consistent()) {
            LOG.info(report.text());
        } else {
            LOG.warn("{} (checked by {})", report.text(), caller.username());
        }
        return report;
    }

    /** A group's kept and computed row; either may be missing. */
    private static final class Pair<T> {
        private T kept;
        private T computed;
    }

    private static <T> SortedMap<String, Pair<T>> pair(List<T> kept, List<T> computed, Function<T, String> group) {
        SortedMap<String, Pair<T>> pairs = new TreeMap<>();
        kept.forEach(row -> pairs.computeIfAbsent(group.apply(row), key -> new Pair<>()).kept = row);
        computed.forEach(row -> pairs.computeIfAbsent(group.apply(row), key -> new Pair<>()).computed = row);
        return pairs;
    }

    private static String group(SummaryRow row) {
        return String.join("/", row.ownerState().name(), row.type().name(), row.fundingSource().name(),
                row.status().name(), Integer.toString(row.year()));
    }

    private static String figures(SummaryRow row) {
        return "members=" + row.members() + " counted=" + row.counted() + " requested=" + row.requested().toPlainString()
                + " approved=" + row.approved().toPlainString() + " paid=" + row.paid().toPlainString();
    }

    private static BigDecimal amount(SourceYearAmount row) {
        return row == null ? BigDecimal.ZERO : row.amount();
    }

    private static String source(Pair<SourceYearAmount> pair) {
        return (pair.kept != null ? pair.kept : pair.computed).fundingSource();
    }

    private static int year(Pair<SourceYearAmount> pair) {
        return (pair.kept != null ? pair.kept : pair.computed).year();
    }
}
