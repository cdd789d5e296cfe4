package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.problem.BadRequest;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.LocalDate;

@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    private final BudgetSummaryService budgetSummaries;

    public ReportController(BudgetSummaryService budgetSummaries) {
        this.budgetSummaries = budgetSummaries;
    }

    /** The budget summary; {@code format} defaults to json, the only one so far (pdf, xlsx, csv are to come). */
    @Get("/budget-summary")
    public BudgetSummary budgetSummary(Caller caller,
                                       @Nullable @QueryValue String format,
                                       @Nullable @QueryValue Integer year,
                                       @Nullable @QueryValue FundingSource fundingSource,
                                       @Nullable @QueryValue Status status,
                                       @Nullable @QueryValue StateCode ownerState,
                                       @Nullable @QueryValue LocalDate asOf) {
        if (format != null && !"json".equalsIgnoreCase(format.strip())) {
            throw new BadRequest("format", "only json so far");
        }
        return budgetSummaries.summarise(caller, new BudgetFilter(year, fundingSource, status, ownerState, asOf));
    }
}
