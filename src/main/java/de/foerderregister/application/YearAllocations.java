package de.foerderregister.application;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    public YearAllocations(YearAllocationRepository allocations, ApplicationRepository applications,
                           AnnualPlanRepository plans) {
        this.allocations = allocations;
        this.applications = applications;
        this.plans = plans;
    }

    /** The approved amount follows the request's proportions: the plan's shares, or the days. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(FundingApplication application, List<AnnualPlanEntry> plan) {
        Map<Integer, BigDecimal> requested = YearSplit.split(application.requestedAmount(), application.startDate(),
                application.endDate(), plan);
        Map<Integer, BigDecimal> approved = YearSplit.split(application.approvedAmount() == null
                ? Money.exact(BigDecimal.ZERO) : application.approvedAmount(), application.startDate(), application.endDate(), plan);
        List<YearAllocation> rows = new ArrayList<>();
        requested.forEach((year, part) -> rows.add(new YearAllocation(new YearAllocation.Key(application.id(), year),
                part, approved.get(year))));
        allocations.deleteByApplicationId(application.id());
        allocations.saveAll(rows);
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        long done = 0;
        long afterId = 0;
        for (List<Long> ids = allocations.unallocatedAfter(afterId); !ids.isEmpty(); ids = allocations.unallocatedAfter(afterId)) {
            for (Long id : ids) {
                FundingApplication application = applications.findById(id).orElseThrow();
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
