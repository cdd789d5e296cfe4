package de.foerderregister.web;

import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.TrafficLight;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.report.PortfolioReports;
import de.foerderregister.report.ReportFormat;
import de.foerderregister.security.Caller;
import de.foerderregister.status.Portfolio;
import de.foerderregister.status.PortfolioView;
import io.micronaut.core.annotation.Nullable;
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

import java.util.List;
import java.util.Map;

/**
 * The portfolio: the approved projects with their latest lights, how many show which light, and
 * the portfolio report as a download within the page session. What a caller sees is
 * {@link Portfolio}'s rule (a state its own projects).
 */
@Controller(PortfolioPages.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortfolioPages {

    static final String PATH = "/ui/portfolio";
    static final int PAGE_SIZE = 20;
    private static final String[] FILTERS = {"ownerState", "fundingSource", "light"};

    private final Portfolio portfolio;
    private final PortfolioReports reports;
    private final UiPages pages;

    public PortfolioPages(Portfolio portfolio, PortfolioReports reports, UiPages pages) {
        this.portfolio = portfolio;
        this.reports = reports;
        this.pages = pages;
    }

    /** A filter that cannot be read is named in the error summary, and the portfolio shows unfiltered. */
    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> portfolio(HttpRequest<?> request, Caller caller) {
        FormInput input = FormInput.fromQuery(request);
        Filter filter = filter(input);
        Map<String, Object> model = pages.model(request);
        if (input.hasErrors()) {
            pages.putErrors(request, model, input.errors, Map.of());
            filter = new Filter(null, null, null);
        }
        int page = input.page();
        PortfolioView view = portfolio.show(caller, filter.ownerState(), filter.fundingSource(), filter.light(),
                ApplicationPaging.of(page, PAGE_SIZE, null));
        model.put("projects", view.projects());
        model.put("countRows", List.of(Map.entry("statusReport.overall", view.counts().overall()),
                Map.entry("field.schedule", view.counts().schedule()), Map.entry("field.budget", view.counts().budget()),
                Map.entry("field.quality", view.counts().quality())));
        model.put("total", view.counts().projects());
        model.put("form", input.values());
        model.put("states", StateCode.values());
        model.put("sources", FundingSource.values());
        model.put("lights", TrafficLight.values());
        model.put("pageNumber", page);
        model.put("pageCount", Math.max(1, view.projects().getTotalPages()));
        model.put("query", input.queryString(FILTERS));
        return pages.page("portfolio", model);
    }

    @Get("/portfolio.{format}")
    public HttpResponse<?> download(HttpRequest<?> request, Caller caller, @PathVariable String format) {
        FormInput input = FormInput.fromQuery(request);
        Filter filter = filter(input);
        if (input.hasErrors()) {
            throw new InvalidInput(input.errors);
        }
        return reports.render(caller, filter.ownerState(), filter.fundingSource(), filter.light(),
                ReportFormat.of(format, List.of(ReportFormat.PDF, ReportFormat.XLSX))).response();
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private record Filter(@Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                          @Nullable TrafficLight light) {
    }

    private static Filter filter(FormInput input) {
        return new Filter(input.choice("ownerState", StateCode.class), input.choice("fundingSource", FundingSource.class),
                input.choice("light", TrafficLight.class));
    }
}
