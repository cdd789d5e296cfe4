package de.foerderregister.decision;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.ETags;
import de.foerderregister.idempotency.IdempotentRequests;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionController {

    private final DecisionService decisions;
    private final DecisionLedger ledger;
    private final ApplicationService applications;
    private final JsonBodies bodies;
    private final IdempotentRequests idempotent;

    public DecisionController(DecisionService decisions, DecisionLedger ledger, ApplicationService applications,
                              JsonBodies bodies, IdempotentRequests idempotent) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.applications = applications;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Post("/applications/{id}/decision")
    @RequestBody(content = @Content(schema = @Schema(implementation = DecisionCommand.class)))
    public HttpResponse<?> decide(Caller caller, @PathVariable long id,
                                  @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                  @Body JsonNode body) {
        return idempotent.once(caller, idempotencyKey, "POST /api/applications/" + id + "/decision", body, () -> {
            ApplicationView decided = decisions.decide(caller, id, ETags.expectedVersion(ifMatch),
                    bodies.read(body, DecisionCommand.class));
            return HttpResponse.ok(decided).header(HttpHeaders.ETAG, ETags.of(decided.version()));
        });
    }

    @Post("/decisions")
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchCommand.class)))
    public HttpResponse<?> decideAll(Caller caller, @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                     @Body JsonNode body) {
        return idempotent.once(caller, idempotencyKey, "POST /api/decisions", body,
                () -> HttpResponse.created(decisions.decideAll(caller, bodies.read(body, BatchCommand.class))));
    }

    @Get("/applications/{id}/decisions")
    public List<Decision> list(Caller caller, @PathVariable long id) {
        applications.requireVisible(caller, id);
        return ledger.decisions(id);
    }
}
