package de.foerderregister.report;

import de.foerderregister.application.Dates;
import de.foerderregister.application.FundingSource;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Haushaltsübersicht. Federal budget figures: FITKO and FINANCE read them, a STATE (whose scope
 * is its own applications) and ADMIN get 403. One statement over the kept totals, whatever the
 * number of applications and payments.
 */
@Singleton
public class BudgetStatusService {

    private final BudgetStatusRepository repository;
    private final Clock clock;

    public BudgetStatusService(BudgetStatusRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BudgetStatus status(Caller caller, BudgetStatusFilter filter) {
        caller.requireRole("read the budget status", Role.FITKO, Role.FINANCE);
        Dates.requireYear("year", filter.year());
        List<BudgetStatusLine> rows = repository.lines(filter.year(), filter.fundingSource()).stream()
                .map(BudgetStatusLine::of).toList();
        Map<FundingSource, List<BudgetStatusLine>> bySource = rows.stream()
                .collect(Collectors.groupingBy(BudgetStatusLine::fundingSource, LinkedHashMap::new, Collectors.toList()));
        List<BudgetStatusLine> totals = bySource.entrySet().stream()
                .map(source -> BudgetStatusLine.total(source.getKey(), source.getValue())).toList();
        return new BudgetStatus(filter, clock.instant(), rows, totals);
    }
}
