package de.foerderregister.application;

import de.foerderregister.audit.AuditEventView;
import de.foerderregister.idempotency.IdempotentRequests;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@Controller("/api/applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApplicationController {

    private final ApplicationService applications;
    private final JsonBodies bodies;
    private final IdempotentRequests idempotent;

    public ApplicationController(ApplicationService applications, JsonBodies bodies, IdempotentRequests idempotent) {
        this.applications = applications;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationCommand.class)))
    public HttpResponse<?> create(Caller caller, @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                  @Body JsonNode body) {
        return idempotent.once(caller, idempotencyKey, "POST /api/applications", body, () -> {
            ApplicationView created = applications.create(caller, bodies.read(body, ApplicationCommand.class));
            return withETag(HttpResponse.created(created, URI.create("/api/applications/" + created.id())));
        });
    }

    @Get
    public Page<ApplicationView> list(Caller caller,
                                      @Nullable @QueryValue StateCode ownerState,
                                      @Nullable @QueryValue Status status,
                                      @Nullable @QueryValue ApplicationType type,
                                      @Nullable @QueryValue FundingSource fundingSource,
                                      @Nullable @QueryValue String q,
                                      @Nullable @QueryValue Integer page,
                                      @Nullable @QueryValue Integer size,
                                      @Nullable @QueryValue String sort) {
        return applications.list(caller, new ApplicationFilter(ownerState, status, type, fundingSource, q),
                ApplicationPaging.of(page, size, sort));
    }

    @Get("/{id}")
    public HttpResponse<ApplicationView> get(Caller caller, @PathVariable long id, @Nullable @QueryValue LocalDate asOf) {
        return withETag(HttpResponse.ok(applications.get(caller, id, asOf)));
    }

    @Put("/{id}")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationCommand.class)))
    public HttpResponse<ApplicationView> update(Caller caller, @PathVariable long id,
                                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Body JsonNode body) {
        ApplicationCommand command = bodies.read(body, ApplicationCommand.class);
        return withETag(HttpResponse.ok(applications.update(caller, id, ETags.expectedVersion(ifMatch), command)));
    }

    @Post("/{id}/submit")
    public HttpResponse<ApplicationView> submit(Caller caller, @PathVariable long id,
                                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(HttpResponse.ok(applications.submit(caller, id, ETags.expectedVersion(ifMatch))));
    }

    @Post("/{id}/withdraw")
    public HttpResponse<ApplicationView> withdraw(Caller caller, @PathVariable long id,
                                                  @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(HttpResponse.ok(applications.withdraw(caller, id, ETags.expectedVersion(ifMatch))));
    }

    @Get("/{id}/years")
    public List<YearShare> years(Caller caller, @PathVariable long id) {
        return applications.years(caller, id);
    }

    @Get("/{id}/history")
    public List<AuditEventView> history(Caller caller, @PathVariable long id) {
        return applications.history(caller, id);
    }

    private static MutableHttpResponse<ApplicationView> withETag(MutableHttpResponse<ApplicationView> response) {
        return response.header(HttpHeaders.ETAG, ETags.of(response.body().version()));
    }
}
