package de.foerderregister.report;

import de.foerderregister.application.AnnualPlanEntry;
import de.foerderregister.application.Dates;
import de.foerderregister.application.AnnualPlanLine;
import de.foerderregister.application.AnnualPlanRepository;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.application.YearSplit;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The budget summary (SPEC, Reports): counts and sums of requested, approved and paid amounts of the
 * applications the caller may see, by owner state × type, by funding source and by calendar year.
 *
 * <p>Who: STATE callers see their own state only; an {@code ownerState} filter naming another state
 * gives empty totals, never that state's data. FITKO and FINANCE see everything; ADMIN gets 403.
 *
 * <p>Amounts: {@code requested} is the requested amount; {@code approved} is the current approved
 * amount, or with {@code asOf} the one as it stood that day (0.00 where not approved, or not yet).
 * {@code paid} is what PAID payments paid out less what repayments brought back, with {@code asOf}
 * only payments paid and repayments received by that day; {@code open} is approved − paid.
 * Payments are booked against a year, so a year's {@code paid} is theirs, not a share of a split;
 * with {@code year} every {@code paid} counts only the payments and repayments of that year.
 *
 * <p>Years: each application's amounts are split over calendar years by {@link YearSplit} (its annual
 * plan, else pro rata by days of the runtime); the approved amount in the same proportions.
 * {@code byYear} counts the applications with a non-zero requested part in a year.
 *
 * <p>Without {@code asOf} every figure is read from the ones kept in the transaction of every change
 * ({@code summary_total}, {@link de.foerderregister.application.SummaryTotals}): whole amounts in year 0,
 * year parts in their years. With {@code year} the totals sum only each application's part of that year,
 * counting the applications with a non-zero requested part in it; a group appears where at least one
 * selected application has a part in the year. With {@code asOf} the amounts are computed from the rows
 * (no kept figure holds a past day) in one pass over the selected applications, chunk by chunk: each
 * one's approved amount as of the day in SQL, its year parts split and every sum added up in Java.
 *
 * <p>Everything is read in one read-only REPEATABLE READ transaction, so the chunks see one snapshot
 * and add up to the cent even while others write.
 */
@Singleton
public class BudgetSummaryService {

    /** Applications read (and split) per statement, so memory stays bounded whatever the register's size. */
    private static final int CHUNK = 2000;

    private static final Comparator<StateTypeTotal> STATE_THEN_TYPE = Comparator
            .comparing((StateTypeTotal row) -> row.ownerState().name())
            .thenComparing(row -> row.type().name());

    private final BudgetReportRepository reports;
    private final AnnualPlanRepository plans;
    private final Clock clock;
    private final int applicationsPerChunk;

    @Inject
    public BudgetSummaryService(BudgetReportRepository reports, AnnualPlanRepository plans, Clock clock) {
        this(reports, plans, clock, CHUNK);
    }

    /** With chunks of another size: the same summary, read in more or fewer statements. */
    BudgetSummaryService(BudgetReportRepository reports, AnnualPlanRepository plans, Clock clock, int applicationsPerChunk) {
        this.reports = reports;
        this.plans = plans;
        this.clock = clock;
        this.applicationsPerChunk = applicationsPerChunk;
    }

    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public BudgetSummary summarise(Caller caller, BudgetFilter filter) {
        caller.requireRole("read budget reports", Role.STATE, Role.FITKO, Role.FINANCE);
        Dates.requireYear("year", filter.year());
        Dates.require("asOf", filter.asOf());
        StateCode scope = caller.stateScope().orElse(null);
        if (scope != null && filter.ownerState() != null && filter.ownerState() != scope) {
            // another state's totals do not exist for this caller, not even as zeros computed from its rows
            return new BudgetSummary(filter, clock.instant(), List.of(), List.of(), List.of(), new Totals(0, zero(), zero(), zero()));
        }
        BudgetFilter effective = scope == null ? filter : filter.withOwnerState(scope);
        if (effective.asOf() == null) {
            return fromKeptFigures(effective);
        }
        YearSums sums = splitByYear(effective);
        return new BudgetSummary(effective, clock.instant(), sums.byStateAndType(), sums.bySource(), sums.byYear(),
                sums.total());
    }

    /**
     * The current amounts, read from the figures kept with every change ({@code summary_total}): a few
     * hundred rows whatever the register's size.
     */
    private BudgetSummary fromKeptFigures(BudgetFilter filter) {
        StateCode state = filter.ownerState();
        FundingSource source = filter.fundingSource();
        Status status = filter.status();
        return new BudgetSummary(filter, clock.instant(),
                reports.keptByStateAndType(state, source, status, filter.year()),
                reports.keptBySource(state, source, status, filter.year()),
                reports.keptByYear(state, source, status, filter.year()),
                reports.keptTotal(state, source, status, filter.year()));
    }

    /**
     * The amounts as of a past day, which no kept split holds: the selected applications are read
     * chunk by chunk, with their plans, and their year parts added up here.
     */
    private YearSums splitByYear(BudgetFilter filter) {
        YearSums sums = new YearSums(filter.year());
        long afterId = 0;
        List<SplitRow> chunk;
        do {
            chunk = reports.rowsAfter(filter.ownerState(), filter.fundingSource(), filter.status(), filter.asOf(),
                    afterId, applicationsPerChunk);
            if (chunk.isEmpty()) {
                break;
            }
            List<Long> ids = chunk.stream().map(SplitRow::id).toList();
            Map<Long, List<AnnualPlanEntry>> planById = plans.findByApplicationIdInOrderByYear(ids).stream()
                    .collect(Collectors.groupingBy(AnnualPlanLine::applicationId,
                            Collectors.mapping(line -> new AnnualPlanEntry(line.year(), line.amount()), Collectors.toList())));
            Map<Long, Map<Integer, BigDecimal>> paidById = reports.paidByYear(ids, filter.asOf()).stream()
                    .collect(Collectors.groupingBy(YearPaid::applicationId,
                            Collectors.toMap(YearPaid::year, YearPaid::paid)));
            for (SplitRow row : chunk) {
                List<AnnualPlanEntry> plan = planById.getOrDefault(row.id(), List.of());
                sums.add(row,
                        YearSplit.split(row.requested(), row.startDate(), row.endDate(), plan),
                        // the approved amount follows the proportions of the request (the plan's shares, or the days)
                        YearSplit.split(row.approved(), row.startDate(), row.endDate(), plan),
                        // payments are booked against a year: nothing to split
                        paidById.getOrDefault(row.id(), Map.of()));
            }
            afterId = chunk.get(chunk.size() - 1).id();
        } while (chunk.size() == applicationsPerChunk);
        return sums;
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }

    /** A running count and three running sums. */
    private static final class Sum {
        private long count;
        private BigDecimal requested = zero();
        private BigDecimal approved = zero();
        private BigDecimal paid = zero();

        void add(BigDecimal requestedPart, BigDecimal approvedPart, BigDecimal paidPart) {
            if (requestedPart.signum() != 0) {
                count++;
            }
            requested = requested.add(requestedPart);
            approved = approved.add(approvedPart);
            paid = paid.add(paidPart);
        }
    }

    /**
     * Year parts added up per year; per state × type, per source and in total the filter's year, when
     * there is one, else the whole applications.
     */
    private static final class YearSums {
        private final Integer onlyYear;
        private final SortedMap<Integer, Sum> years = new TreeMap<>();
        private final Map<StateCode, Map<ApplicationType, Sum>> stateTypes = new TreeMap<>(Comparator.comparing(Enum::name));
        private final Map<FundingSource, Sum> sources = new TreeMap<>(Comparator.comparing(Enum::name));
        private final Sum total = new Sum();

        YearSums(Integer onlyYear) {
            this.onlyYear = onlyYear;
        }

        /**
         * A payment is booked against a year of the runtime, so {@code paidParts} has no year the split lacks.
         * Without a year the groups sum whole applications (every one counts: its request is never 0).
         */
        void add(SplitRow row, Map<Integer, BigDecimal> requestedParts, Map<Integer, BigDecimal> approvedParts,
                 Map<Integer, BigDecimal> paidParts) {
            requestedParts.forEach((year, requestedPart) -> {
                if (onlyYear != null && onlyYear.intValue() != year) {
                    return;
                }
                BigDecimal approvedPart = approvedParts.get(year);
                BigDecimal paidPart = paidParts.getOrDefault(year, BigDecimal.ZERO);
                years.computeIfAbsent(year, y -> new Sum()).add(requestedPart, approvedPart, paidPart);
                if (onlyYear != null) {
                    addToGroups(row, requestedPart, approvedPart, paidPart);
                }
            });
            if (onlyYear == null) {
                addToGroups(row, row.requested(), row.approved(),
                        paidParts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }

        private void addToGroups(SplitRow row, BigDecimal requested, BigDecimal approved, BigDecimal paid) {
            stateTypes.computeIfAbsent(row.ownerState(), state -> new TreeMap<>(Comparator.comparing(Enum::name)))
                    .computeIfAbsent(row.type(), type -> new Sum()).add(requested, approved, paid);
            sources.computeIfAbsent(row.fundingSource(), source -> new Sum()).add(requested, approved, paid);
            total.add(requested, approved, paid);
        }

        List<YearTotal> byYear() {
            return years.entrySet().stream()
                    .map(e -> new YearTotal(e.getKey(), e.getValue().count, e.getValue().requested, e.getValue().approved,
                            e.getValue().paid))
                    .toList();
        }

        List<StateTypeTotal> byStateAndType() {
            return stateTypes.entrySet().stream()
                    .flatMap(state -> state.getValue().entrySet().stream()
                            .map(type -> new StateTypeTotal(state.getKey(), type.getKey(), type.getValue().count,
                                    type.getValue().requested, type.getValue().approved, type.getValue().paid)))
                    .sorted(STATE_THEN_TYPE)
                    .toList();
        }

        List<SourceTotal> bySource() {
            return sources.entrySet().stream()
                    .map(e -> new SourceTotal(e.getKey(), e.getValue().count, e.getValue().requested, e.getValue().approved,
                            e.getValue().paid))
                    .toList();
        }

        Totals total() {
            return new Totals(total.count, total.requested, total.approved, total.paid);
        }
    }
}
