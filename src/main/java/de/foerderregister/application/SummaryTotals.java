package de.foerderregister.application;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keeps the budget summary's figures ({@code summary_total}) in the transaction of every change that moves
 * one. A change announces each application it is about to change ({@link #changing}, called where the row
 * is locked, {@link ApplicationService#lockForChange}) or create ({@link #creating}); its figures are read
 * then, and again just before the commit, and only the difference is added to the kept rows — in key
 * order, so that two writers lock them in the same order, and as late as possible: every create in one
 * state adds to the same few rows, which stay locked only from then until the commit.
 */
@Singleton
public class SummaryTotals {

    private final SummaryTotalRepository totals;
    private final TransactionOperations<Connection> transactions;
    /** The applications changing in each running transaction, by its connection, with their figures before. */
    private final Map<Connection, Map<Long, List<SummaryRow>>> changing = new IdentityHashMap<>();

    public SummaryTotals(SummaryTotalRepository totals, TransactionOperations<Connection> transactions) {
        this.totals = totals;
        this.transactions = transactions;
    }

    /** The application's row is locked by the caller and none of its figures changed yet in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changing(long applicationId) {
        Map<Long, List<SummaryRow>> before = pending();
        if (!before.containsKey(applicationId)) {
            before.put(applicationId, totals.figuresOf(List.of(applicationId)));
        }
    }

    /** An application inserted in this transaction: before, it had no figures. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void creating(long applicationId) {
        pending().putIfAbsent(applicationId, List.of());
    }

    /**
     * Adds the figures of applications written in this transaction without {@link #creating} (a bulk
     * import's chunk), in one statement; their rows then stay locked until the commit, so call it last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addCreated(Collection<Long> applicationIds) {
        if (!applicationIds.isEmpty()) {
            totals.addFiguresOf(applicationIds);
        }
    }

    private Map<Long, List<SummaryRow>> pending() {
        TransactionStatus<?> status = transactions.findTransactionStatus().orElseThrow();
        Connection connection = transactions.getConnection();
        synchronized (changing) {
            Map<Long, List<SummaryRow>> before = changing.get(connection);
            if (before == null) {
                before = new HashMap<>();
                changing.put(connection, before);
                status.registerSynchronization(new Commit(connection));
            }
            return before;
        }
    }

    private void addChanges(Map<Long, List<SummaryRow>> before) {
        SortedMap<SummaryRow.SummaryKey, SummaryRow> changes = new TreeMap<>();
        before.values().forEach(rows -> rows.forEach(row -> changes.merge(row.key(), row.negated(), SummaryRow::plus)));
        totals.figuresOf(before.keySet()).forEach(row -> changes.merge(row.key(), row, SummaryRow::plus));
        changes.values().stream().filter(change -> !change.isZero()).forEach(change -> totals.add(
                change.ownerState().name(), change.type().name(), change.fundingSource().name(), change.status().name(),
                change.year(), change.members(), change.counted(), change.requested(), change.approved(), change.paid()));
    }

    /** Adds the differences just before the commit; forgets them however the transaction ends. */
    private final class Commit implements TransactionSynchronization {
        private final Connection connection;

        Commit(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            Map<Long, List<SummaryRow>> before;
            synchronized (changing) {
                before = changing.get(connection);
            }
            addChanges(before);
        }

        @Override
        public void afterCompletion(Status status) {
            synchronized (changing) {
                changing.remove(connection);
            }
        }
    }
}
