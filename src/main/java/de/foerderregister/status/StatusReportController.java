package de.foerderregister.status;

import de.foerderregister.idempotency.IdempotentRequests;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.List;

@Controller("/api/applications/{id}/status-reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusReportController {

    private final StatusReportService reports;
    private final JsonBodies bodies;
    private final IdempotentRequests idempotent;

    public StatusReportController(StatusReportService reports, JsonBodies bodies, IdempotentRequests idempotent) {
        this.reports = reports;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = StatusReportCommand.class)))
    public HttpResponse<?> report(Caller caller, @PathVariable long id,
                                  @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                  @Body JsonNode body) {
        return idempotent.once(caller, idempotencyKey, "POST /api/applications/" + id + "/status-reports", body,
                () -> HttpResponse.created(reports.report(caller, id, bodies.read(body, StatusReportCommand.class))));
    }

    @Get
    public List<StatusReport> history(Caller caller, @PathVariable long id) {
        return reports.history(caller, id);
    }
}
