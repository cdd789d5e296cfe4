package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.AnnualPlanRepository;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary with {@code asOf} reads the applications chunk by chunk: chunks of 7 cross a boundary every few
 * applications, and add up to exactly what the registry's own chunks (or one chunk) answer.
 */
@MicronautTest(transactional = false)
class BudgetSummaryChunksTest {

    @Inject
    TestApi api;

    @Inject
    BudgetSteps budget;

    @Inject
    BudgetSummaryService service;

    @Inject
    BudgetReportRepository reports;

    @Inject
    AnnualPlanRepository plans;

    @Inject
    Clock clock;

    @Test
    void chunksOfAnySizeAddUpToTheSameSummary() {
        Account fitko = api.account(Role.FITKO, null);
        Account finance = api.account(Role.FINANCE, null);
        for (int i = 0; i < 9; i++) {
            long id = api.approved(fitko, StateCode.SN, (100000 + i) + ".00");
            budget.paid(fitko, finance, StateCode.SN, id, (1000 + i) + ".00", 2021, "2021-03-0" + (1 + i % 2));
        }
        BudgetSummaryService smallChunks = new BudgetSummaryService(reports, plans, clock, 7);
        Caller caller = new Caller(finance.username(), Role.FINANCE, null);
        LocalDate day = LocalDate.of(2021, 3, 1);
        for (BudgetFilter filter : List.of(
                new BudgetFilter(null, null, null, null, day),
                new BudgetFilter(2021, null, null, null, day),
                new BudgetFilter(null, FundingSource.DIGITALISATION_BUDGET, null, StateCode.SN, LocalDate.now(clock)))) {
            BudgetSummary registry = service.summarise(caller, filter);
            BudgetSummary chunked = smallChunks.summarise(caller, filter);
            assertEquals(registry.byStateAndType(), chunked.byStateAndType(), filter.toString());
            assertEquals(registry.bySource(), chunked.bySource(), filter.toString());
            assertEquals(registry.byYear(), chunked.byYear(), filter.toString());
            assertEquals(registry.total(), chunked.total(), filter.toString());
            assertTrue(chunked.total().count() >= 9, "this test's applications are counted: " + chunked.total());
        }
    }
}
