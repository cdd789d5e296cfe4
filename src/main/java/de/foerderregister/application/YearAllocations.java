package de.foerderregister.application;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps each application's split over calendar years ({@link YearSplit}) in step with it: written
 * in the transaction of every change, and on start-up for rows that came in by bulk SQL.
 */
@Singleton
public class YearAllocations implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(YearAllocations.class);

    private final YearAllocationRepository allocations;
    private final ApplicationRepository applications;
    private final AnnualPlanRepository plans;
    private final ApplicationBatches batches;
    private final SummaryTotals summaryTotals;

    public YearAllocations(YearAllocationRepository allocations, ApplicationRepository applications,
                           AnnualPlanRepository plans, ApplicationBatches batches, SummaryTotals summaryTotals) {
        this.allocations = allocations;
        this.applications = applications;
        this.plans = plans;
        this.batches = batches;
        this.summaryTotals = summaryTotals;
    }

    /**
     * The approved amount follows the request's proportions (the plan's shares, or the days), plus
     * what carry-overs moved between the years. Each year's change of the approved share goes into
     * the source's kept total in year order, so two writers lock the totals in the same order.
     *
     * @return the change of the approved share per year, ordered by year; only years that changed
     * @throws CarriedOutUncovered when the amount split anew no longer covers what was carried out of a year
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SortedMap<Integer, BigDecimal> refresh(FundingApplication application, List<AnnualPlanEntry> plan) {
        Map<Integer, YearAllocation> before = byYear(allocations.findByApplicationIdForUpdate(application.id()));
        List<YearAllocation> rows = split(application, plan, before);
        allocations.deleteByApplicationId(application.id());
        allocations.saveAll(rows);
        return addToTotals(application.fundingSource(), before.values(), rows);
    }

    /** The first split of an application just created: there is nothing to read back, lock or delete. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocateNew(FundingApplication application, List<AnnualPlanEntry> plan) {
        List<YearAllocation> rows = split(application, plan, Map.of());
        allocations.saveAll(rows);
        addToTotals(application.fundingSource(), List.of(), rows);
    }

    private static List<YearAllocation> split(FundingApplication application, List<AnnualPlanEntry> plan,
                                              Map<Integer, YearAllocation> before) {
        Map<Integer, BigDecimal> requested = YearSplit.split(application.requestedAmount(), application.startDate(),
                application.endDate(), plan);
        Map<Integer, BigDecimal> approved = YearSplit.split(application.approvedAmount() == null
                ? Money.exact(BigDecimal.ZERO) : application.approvedAmount(), application.startDate(), application.endDate(), plan);
        List<YearAllocation> rows = new ArrayList<>();
        requested.forEach((year, part) -> {
            BigDecimal carried = before.containsKey(year) ? before.get(year).carried() : Money.exact(BigDecimal.ZERO);
            BigDecimal share = approved.get(year).add(carried);
            if (share.signum() < 0) {
                throw new CarriedOutUncovered(application.id(), year, carried.negate(), approved.get(year));
            }
            rows.add(new YearAllocation(new YearAllocation.Key(application.id(), year), part, share, carried));
        });
        return rows;
    }

    /**
     * The year splits of applications just inserted (which have none yet), in one batch, and their
     * approved shares added to the kept totals in (source, year) order: what {@link #refresh} does
     * for each, in a few statements for an import's whole chunk.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocateNew(List<FundingApplication> created) {
        List<YearAllocation> rows = new ArrayList<>();
        SortedMap<String, SortedMap<Integer, BigDecimal>> totals = new TreeMap<>();
        for (FundingApplication application : created) {
            Map<Integer, BigDecimal> requested = YearSplit.split(application.requestedAmount(), application.startDate(),
                    application.endDate(), List.of());
            Map<Integer, BigDecimal> approved = YearSplit.split(application.approvedAmount() == null
                    ? Money.exact(BigDecimal.ZERO) : application.approvedAmount(), application.startDate(),
                    application.endDate(), List.of());
            requested.forEach((year, part) -> {
                rows.add(new YearAllocation(new YearAllocation.Key(application.id(), year), part, approved.get(year),
                        Money.exact(BigDecimal.ZERO)));
                if (approved.get(year).signum() != 0) {
                    totals.computeIfAbsent(application.fundingSource().name(), source -> new TreeMap<>())
                            .merge(year, approved.get(year), BigDecimal::add);
                }
            });
        }
        batches.insertAllocations(rows);
        totals.forEach((source, years) -> years.forEach((year, change) -> allocations.addToTotal(source, year, change)));
    }

    /**
     * Moves part of the approved share of one year into a later one. The caller has checked that
     * the amount is unpaid and that both years belong to the application.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SortedMap<Integer, BigDecimal> carry(FundingApplication application, int fromYear, int toYear, BigDecimal amount) {
        List<YearAllocation> before = allocations.findByApplicationIdForUpdate(application.id());
        List<YearAllocation> after = before.stream().map(row -> {
            BigDecimal change = row.year() == fromYear ? amount.negate() : row.year() == toYear ? amount : BigDecimal.ZERO;
            return new YearAllocation(row.key(), row.requested(), row.approved().add(change), row.carried().add(change));
        }).toList();
        allocations.deleteByApplicationId(application.id());
        allocations.saveAll(after);
        return addToTotals(application.fundingSource(), before, after);
    }

    /** The approved share of each year, locked against a concurrent change of the application. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SortedMap<Integer, BigDecimal> approvedShares(long applicationId) {
        return approvedShares(allocations.findByApplicationIdForUpdate(applicationId));
    }

    /** The approved share of each year as last committed, without a lock: for reads, never for a rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SortedMap<Integer, BigDecimal> committedShares(long applicationId) {
        return approvedShares(allocations.findByApplicationId(applicationId));
    }

    private static SortedMap<Integer, BigDecimal> approvedShares(List<YearAllocation> rows) {
        SortedMap<Integer, BigDecimal> shares = new TreeMap<>();
        rows.forEach(row -> shares.put(row.year(), row.approved()));
        return shares;
    }

    /** The application's year parts as they stand, in year order, for reading. */
    public List<YearShare> shares(long applicationId) {
        return allocations.findByApplicationId(applicationId).stream().map(YearShare::of).toList();
    }

    /**
     * Locks the kept totals of every year of these applications' runtimes in (source, year) order,
     * before a change of several applications refreshes them one application after another: two such
     * changes then wait for each other instead of locking the same totals in opposite orders.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockTotals(Collection<FundingApplication> changing) {
        SortedMap<String, SortedSet<Integer>> years = new TreeMap<>();
        changing.forEach(application -> {
            SortedSet<Integer> ofSource = years.computeIfAbsent(application.fundingSource().name(), source -> new TreeSet<>());
            for (int year = application.startDate().getYear(); year <= application.endDate().getYear(); year++) {
                ofSource.add(year);
            }
        });
        years.forEach((source, ofSource) -> ofSource.forEach(year -> lockTotal(source, year)));
    }

    /**
     * A source's approved total of a year with every committed change in it; the row stays locked.
     * Where no approval reached the year yet, the row is created at zero: a missing row could not be
     * locked, and the first approvals of the year would then race to create it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal lockedTotal(FundingSource source, int year) {
        return lockTotal(source.name(), year);
    }

    private BigDecimal lockTotal(String source, int year) {
        allocations.addToTotal(source, year, Money.exact(BigDecimal.ZERO));
        return allocations.lockedTotal(source, year).orElseThrow();
    }

    private SortedMap<Integer, BigDecimal> addToTotals(FundingSource source, Collection<YearAllocation> before,
                                                      Collection<YearAllocation> after) {
        SortedMap<Integer, BigDecimal> changes = new TreeMap<>();
        before.forEach(row -> changes.merge(row.year(), row.approved().negate(), BigDecimal::add));
        after.forEach(row -> changes.merge(row.year(), row.approved(), BigDecimal::add));
        changes.values().removeIf(change -> change.signum() == 0);
        changes.forEach((year, change) -> allocations.addToTotal(source.name(), year, change));
        return Collections.unmodifiableSortedMap(changes);
    }

    private static Map<Integer, YearAllocation> byYear(List<YearAllocation> rows) {
        Map<Integer, YearAllocation> byYear = new HashMap<>();
        rows.forEach(row -> byYear.put(row.year(), row));
        return byYear;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        long done = 0;
        long afterId = 0;
        for (List<Long> ids = allocations.unallocatedAfter(afterId); !ids.isEmpty(); ids = allocations.unallocatedAfter(afterId)) {
            for (Long id : ids) {
                FundingApplication application = applications.findById(id).orElseThrow();
                summaryTotals.changing(id);
                refresh(application, plans.findByApplicationIdOrderByYear(id).stream()
                        .map(line -> new AnnualPlanEntry(line.year(), line.amount())).toList());
            }
            done += ids.size();
            afterId = ids.get(ids.size() - 1);
        }
        if (done > 0) {
            LOG.info("Split {} applications written without the registry over calendar years", done);
        }
    }
}
