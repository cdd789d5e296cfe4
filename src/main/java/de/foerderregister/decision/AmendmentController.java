package de.foerderregister.decision;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ETags;
import de.foerderregister.budget.OverCommitmentReason;
import de.foerderregister.decision.AmendmentReview.ReviewOutcome;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
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

@Controller("/api/applications/{id}/amendments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AmendmentController {

    private final AmendmentService amendments;
    private final DecisionLedger ledger;
    private final ApplicationService applications;
    private final JsonBodies bodies;

    public AmendmentController(AmendmentService amendments, DecisionLedger ledger, ApplicationService applications,
                               JsonBodies bodies) {
        this.amendments = amendments;
        this.ledger = ledger;
        this.applications = applications;
        this.bodies = bodies;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = AmendmentCommand.class)))
    public HttpResponse<AmendmentOutcome> amend(Caller caller, @PathVariable long id,
                                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                @Body JsonNode body) {
        return withETag(HttpResponse.created(amendments.amend(caller, id, ETags.expectedVersion(ifMatch),
                bodies.read(body, AmendmentCommand.class))));
    }

    @Get
    public List<AmendmentView> list(Caller caller, @PathVariable long id) {
        applications.requireVisible(caller, id);
        return ledger.amendments(id);
    }

    /** The body is optional: only a raise that takes an envelope past its amount needs one, with the reason. */
    @Post("/{amendmentId}/confirm")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = AmendmentReviewCommand.class)))
    public HttpResponse<AmendmentOutcome> confirm(Caller caller, @PathVariable long id, @PathVariable long amendmentId,
                                                  @Nullable @Body JsonNode body) {
        OverCommitmentReason overCommitment = body == null ? null
                : bodies.read(body, AmendmentReviewCommand.class).overCommitment();
        return withETag(HttpResponse.ok(amendments.review(caller, id, amendmentId, ReviewOutcome.CONFIRMED,
                overCommitment)));
    }

    @Post("/{amendmentId}/decline")
    public HttpResponse<AmendmentOutcome> decline(Caller caller, @PathVariable long id, @PathVariable long amendmentId) {
        return withETag(HttpResponse.ok(amendments.review(caller, id, amendmentId, ReviewOutcome.DECLINED, null)));
    }

    private static MutableHttpResponse<AmendmentOutcome> withETag(MutableHttpResponse<AmendmentOutcome> response) {
        return response.header(HttpHeaders.ETAG, ETags.of(response.body().application().version()));
    }
}
