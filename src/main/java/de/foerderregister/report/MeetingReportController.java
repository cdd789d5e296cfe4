package de.foerderregister.report;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
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
public class MeetingReportController {

    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV);

    private final MeetingReports reports;

    public MeetingReportController(MeetingReports reports) {
        this.reports = reports;
    }

    @Get("/decision-list")
    public HttpResponse<StreamedFile> decisionList(Caller caller, @Nullable @QueryValue LocalDate meetingDate,
                                                   @Nullable @QueryValue String format,
                                                   @Nullable @QueryValue String delimiter) {
        if (meetingDate == null) {
            throw new BadRequest("meetingDate", RuleCode.REPORT_MEETING_DATE);
        }
        return reports.decisionList(caller, meetingDate, ReportFormat.of(format, FORMATS), CsvDelimiter.of(delimiter))
                .response();
    }
}
