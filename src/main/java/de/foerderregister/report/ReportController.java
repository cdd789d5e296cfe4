package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.LocalDate;
import java.util.List;

@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    private static final List<ReportFormat> DOCUMENTS = List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV);

    private final BudgetSummaryService budgetSummaries;
    private final BudgetSummaryReports budgetDocuments;
    private final ApplicationLists applicationLists;
    private final BudgetStatusService budgetStatuses;
    private final BudgetStatusReports budgetStatusDocuments;

    public ReportController(BudgetSummaryService budgetSummaries, BudgetSummaryReports budgetDocuments,
                            ApplicationLists applicationLists, BudgetStatusService budgetStatuses,
                            BudgetStatusReports budgetStatusDocuments) {
        this.budgetSummaries = budgetSummaries;
        this.budgetDocuments = budgetDocuments;
        this.applicationLists = applicationLists;
        this.budgetStatuses = budgetStatuses;
        this.budgetStatusDocuments = budgetStatusDocuments;
    }

    /** Every selected application on one line, as PDF, XLSX or CSV. */
    @Get("/application-list")
    public HttpResponse<StreamedFile> applicationList(Caller caller,
                                                      @Nullable @QueryValue String format,
                                                      @Nullable @QueryValue StateCode ownerState,
                                                      @Nullable @QueryValue FundingSource fundingSource,
                                                      @Nullable @QueryValue Status status,
                                                      @Nullable @QueryValue String delimiter) {
        return applicationLists.render(caller, ownerState, fundingSource, status, ReportFormat.of(format, DOCUMENTS),
                CsvDelimiter.of(delimiter)).response();
    }

    /** The budget summary as JSON (the default) or as a PDF, XLSX or CSV document with the same figures. */
    @Get("/budget-summary")
    public HttpResponse<?> budgetSummary(Caller caller,
                                         @Nullable @QueryValue String format,
                                         @Nullable @QueryValue Integer year,
                                         @Nullable @QueryValue FundingSource fundingSource,
                                         @Nullable @QueryValue Status status,
                                         @Nullable @QueryValue StateCode ownerState,
                                         @Nullable @QueryValue LocalDate asOf,
                                         @Nullable @QueryValue String delimiter) {
        BudgetFilter filter = new BudgetFilter(year, fundingSource, status, ownerState, asOf);
        if (isJson(format)) {
            return HttpResponse.ok(budgetSummaries.summarise(caller, filter));
        }
        return budgetDocuments.render(caller, filter, ReportFormat.of(format, DOCUMENTS), CsvDelimiter.of(delimiter))
                .response();
    }

    /** The Haushaltsübersicht as JSON (the default) or as a PDF (with a chart per source), XLSX or CSV document. */
    @Get("/budget-status")
    public HttpResponse<?> budgetStatus(Caller caller,
                                        @Nullable @QueryValue String format,
                                        @Nullable @QueryValue Integer year,
                                        @Nullable @QueryValue FundingSource fundingSource,
                                        @Nullable @QueryValue String delimiter) {
        BudgetStatusFilter filter = new BudgetStatusFilter(year, fundingSource);
        if (isJson(format)) {
            return HttpResponse.ok(budgetStatuses.status(caller, filter));
        }
        return budgetStatusDocuments.render(caller, filter, ReportFormat.of(format, DOCUMENTS), CsvDelimiter.of(delimiter))
                .response();
    }

    private static boolean isJson(@Nullable String format) {
        return format == null || format.isBlank() || "json".equalsIgnoreCase(format.strip());
    }
}
