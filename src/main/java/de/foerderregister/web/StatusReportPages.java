package de.foerderregister.web;

import de.foerderregister.application.TrafficLight;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.status.StatusReportCommand;
import de.foerderregister.status.StatusReportService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/**
 * The status report form on an application's page. The rules are {@link StatusReportService}'s; a
 * refused field shows the page again with the service's words next to it.
 */
@Controller(ApplicationPages.PATH)
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusReportPages {

    /** The service's fields and the fields of the form that carry them. */
    private static final Map<String, String> FIELDS = Map.of("schedule", "statusSchedule", "budget", "statusBudget",
            "quality", "statusQuality", "comment", "statusComment");

    private final StatusReportService reports;
    private final ApplicationDetail detail;
    private final UiPages pages;

    public StatusReportPages(StatusReportService reports, ApplicationDetail detail, UiPages pages) {
        this.reports = reports;
        this.detail = detail;
        this.pages = pages;
    }

    @Post("/{id}/status-reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> report(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                  @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        StatusReportCommand command = new StatusReportCommand(input.choice("statusSchedule", TrafficLight.class),
                input.choice("statusBudget", TrafficLight.class), input.choice("statusQuality", TrafficLight.class),
                input.text("statusComment"));
        return input.submit(() -> {
            reports.report(caller, id, command);
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=reported#status-reports");
        }, (errors, status) -> detail.refused(request, caller, id, "statusReport", input.values(), errors, FIELDS, status));
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }
}
