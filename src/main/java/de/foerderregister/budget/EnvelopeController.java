package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import de.foerderregister.audit.AuditEventView;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.List;

@Controller("/api/budget/envelopes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EnvelopeController {

    private final Envelopes envelopes;
    private final JsonBodies bodies;

    public EnvelopeController(Envelopes envelopes, JsonBodies bodies) {
        this.envelopes = envelopes;
        this.bodies = bodies;
    }

    @Get
    public List<EnvelopeView> list(Caller caller, @Nullable @QueryValue Integer year,
                                   @Nullable @QueryValue FundingSource fundingSource) {
        return envelopes.list(caller, year, fundingSource);
    }

    @Get("/{fundingSource}/{year}")
    public EnvelopeView get(Caller caller, @PathVariable FundingSource fundingSource, @PathVariable int year) {
        return envelopes.get(caller, fundingSource, year);
    }

    @Put("/{fundingSource}/{year}")
    @RequestBody(content = @Content(schema = @Schema(implementation = EnvelopeCommand.class)))
    public EnvelopeView set(Caller caller, @PathVariable FundingSource fundingSource, @PathVariable int year,
                            @Body JsonNode body) {
        return envelopes.set(caller, fundingSource, year, bodies.read(body, EnvelopeCommand.class));
    }

    @Get("/{fundingSource}/{year}/history")
    public List<AuditEventView> history(Caller caller, @PathVariable FundingSource fundingSource, @PathVariable int year) {
        return envelopes.history(caller, fundingSource, year);
    }
}
