package de.foerderregister.application;

import de.foerderregister.audit.AuditEventView;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.problem.PreconditionFailed;
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
import java.util.List;

@Controller("/api/applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApplicationController {

    private final ApplicationService applications;
    private final JsonBodies bodies;

    public ApplicationController(ApplicationService applications, JsonBodies bodies) {
        this.applications = applications;
        this.bodies = bodies;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationCommand.class)))
    public HttpResponse<ApplicationView> create(Caller caller, @Body JsonNode body) {
        ApplicationView created = applications.create(caller, bodies.read(body, ApplicationCommand.class));
        return withETag(HttpResponse.created(created, URI.create("/api/applications/" + created.id())));
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
    public HttpResponse<ApplicationView> get(Caller caller, @PathVariable long id) {
        return withETag(HttpResponse.ok(applications.get(caller, id)));
    }

    @Put("/{id}")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationCommand.class)))
    public HttpResponse<ApplicationView> update(Caller caller, @PathVariable long id,
                                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Body JsonNode body) {
        ApplicationCommand command = bodies.read(body, ApplicationCommand.class);
        return withETag(HttpResponse.ok(applications.update(caller, id, expectedVersion(ifMatch), command)));
    }

    @Post("/{id}/submit")
    public HttpResponse<ApplicationView> submit(Caller caller, @PathVariable long id,
                                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(HttpResponse.ok(applications.submit(caller, id, expectedVersion(ifMatch))));
    }

    @Post("/{id}/withdraw")
    public HttpResponse<ApplicationView> withdraw(Caller caller, @PathVariable long id,
                                                  @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(HttpResponse.ok(applications.withdraw(caller, id, expectedVersion(ifMatch))));
    }

    @Get("/{id}/history")
    public List<AuditEventView> history(Caller caller, @PathVariable long id) {
        return applications.history(caller, id);
    }

    private static MutableHttpResponse<ApplicationView> withETag(MutableHttpResponse<ApplicationView> response) {
        return response.header(HttpHeaders.ETAG, "\"" + response.body().version() + "\"");
    }

    /** The version named by If-Match ({@code "3"}, {@code W/"3"} or {@code 3}); none for an absent header or {@code *}. */
    private static @Nullable Long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // a tag this server never issued cannot match the current version
            throw new PreconditionFailed("If-Match names no version of this registry: " + ifMatch);
        }
    }
}
