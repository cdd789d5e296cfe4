package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.TrafficLight;
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

import java.util.List;

@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortfolioReportController {

    static final List<ReportFormat> FORMATS = List.of(ReportFormat.PDF, ReportFormat.XLSX);

    private final PortfolioReports reports;

    public PortfolioReportController(PortfolioReports reports) {
        this.reports = reports;
    }

    /** The approved projects with their latest lights, as PDF (the default) or XLSX; {@code light} is the overall light. */
    @Get("/portfolio")
    public HttpResponse<StreamedFile> portfolio(Caller caller, @Nullable @QueryValue String format,
                                                @Nullable @QueryValue StateCode ownerState,
                                                @Nullable @QueryValue FundingSource fundingSource,
                                                @Nullable @QueryValue TrafficLight light) {
        return reports.render(caller, ownerState, fundingSource, light, ReportFormat.of(format, FORMATS)).response();
    }
}
