package de.foerderregister.web;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.report.ApplicationLists;
import de.foerderregister.report.BudgetFilter;
import de.foerderregister.report.BudgetStatusFilter;
import de.foerderregister.report.BudgetStatusReports;
import de.foerderregister.report.BudgetSummary;
import de.foerderregister.report.BudgetSummaryReports;
import de.foerderregister.report.BudgetSummaryService;
import de.foerderregister.report.CsvDelimiter;
import de.foerderregister.report.ReportFormat;
import de.foerderregister.security.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports: the budget summary on screen with bar charts, and the documents of the API
 * (budget summary, application list, and for FITKO and finance the Haushaltsübersicht) as downloads
 * within the page session.
 */
@Controller(ReportPages.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportPages {

    static final String PATH = "/ui/reports";
    private static final List<ReportFormat> DOCUMENTS = List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV);

    private final BudgetSummaryService summaries;
    private final BudgetSummaryReports budgetDocuments;
    private final ApplicationLists applicationLists;
    private final BudgetStatusReports budgetStatusDocuments;
    private final UiPages pages;

    public ReportPages(BudgetSummaryService summaries, BudgetSummaryReports budgetDocuments,
                       ApplicationLists applicationLists, BudgetStatusReports budgetStatusDocuments, UiPages pages) {
        this.summaries = summaries;
        this.budgetDocuments = budgetDocuments;
        this.applicationLists = applicationLists;
        this.budgetStatusDocuments = budgetStatusDocuments;
        this.pages = pages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> reports(HttpRequest<?> request, Caller caller) {
        FormInput input = FormInput.fromQuery(request);
        Map<String, Object> model = pages.model(request);
        BudgetFilter filter = filter(input);
        if (input.hasErrors()) {
            pages.putErrors(request, model, input.errors, Map.of());
            filter = new BudgetFilter(null, null, null, null, null);
        }
        BudgetSummary summary = summaries.summarise(caller, filter);
        Map<String, BigDecimal> byState = new LinkedHashMap<>();
        summary.byStateAndType().forEach(row -> byState.merge(row.ownerState().germanName(), row.approved(), BigDecimal::add));
        Map<String, BigDecimal> byYear = new LinkedHashMap<>();
        summary.byYear().forEach(row -> byYear.put(String.valueOf(row.year()), row.approved()));
        model.put("summary", summary);
        model.put("form", input.values());
        model.put("byState", BarChart.of(byState));
        model.put("byYear", BarChart.of(byYear));
        model.put("states", StateCode.values());
        model.put("statuses", Status.values());
        model.put("sources", FundingSource.values());
        model.put("query", input.queryString("year", "fundingSource", "status", "ownerState", "asOf"));
        return pages.page("reports", model);
    }

    @Get("/budget-summary.{format}")
    public HttpResponse<?> budgetSummary(HttpRequest<?> request, Caller caller, @PathVariable String format) {
        FormInput input = FormInput.fromQuery(request);
        BudgetFilter filter = filter(input);
        if (input.hasErrors()) {
            throw new InvalidInput(input.errors);
        }
        return budgetDocuments.render(caller, filter, ReportFormat.of(format, DOCUMENTS), CsvDelimiter.of(null)).response();
    }

    /** The Haushaltsübersicht of the form's year and funding source; the other filters do not apply to it. */
    @Get("/budget-status.{format}")
    public HttpResponse<?> budgetStatus(HttpRequest<?> request, Caller caller, @PathVariable String format) {
        FormInput input = FormInput.fromQuery(request);
        BudgetFilter filter = filter(input);
        if (input.hasErrors()) {
            throw new InvalidInput(input.errors);
        }
        return budgetStatusDocuments.render(caller, new BudgetStatusFilter(filter.year(), filter.fundingSource()),
                ReportFormat.of(format, DOCUMENTS), CsvDelimiter.of(null)).response();
    }

    @Get("/application-list.{format}")
    public HttpResponse<?> applicationList(HttpRequest<?> request, Caller caller, @PathVariable String format) {
        FormInput input = FormInput.fromQuery(request);
        StateCode state = input.choice("ownerState", StateCode.class);
        FundingSource source = input.choice("fundingSource", FundingSource.class);
        Status status = input.choice("status", Status.class);
        if (input.hasErrors()) {
            throw new InvalidInput(input.errors);
        }
        return applicationLists.render(caller, state, source, status, ReportFormat.of(format, DOCUMENTS),
                CsvDelimiter.of(null)).response();
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private static BudgetFilter filter(FormInput input) {
        Integer year = input.year("year");
        LocalDate asOf = input.date("asOf");
        return new BudgetFilter(year, input.choice("fundingSource", FundingSource.class), input.choice("status", Status.class),
                input.choice("ownerState", StateCode.class), asOf);
    }
}
