package de.foerderregister.budget;

import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.ETags;
import de.foerderregister.application.StateCode;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.net.URI;

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PaymentController {

    private final PaymentService payments;
    private final JsonBodies bodies;
    private final IdempotentRequests idempotent;

    public PaymentController(PaymentService payments, JsonBodies bodies, IdempotentRequests idempotent) {
        this.payments = payments;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Post("/applications/{id}/payments")
    @RequestBody(content = @Content(schema = @Schema(implementation = PaymentCommand.class)))
    public HttpResponse<?> request(Caller caller, @PathVariable long id,
                                   @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                   @Body JsonNode body) {
        return idempotent.once(caller, idempotencyKey, "POST /api/applications/" + id + "/payments", body, () -> {
            Payment requested = payments.request(caller, id, bodies.read(body, PaymentCommand.class));
            return withETag(HttpResponse.created(requested,
                    URI.create("/api/applications/" + id + "/payments/" + requested.id())));
        });
    }

    @Get("/applications/{id}/payments")
    public PaymentOverview overview(Caller caller, @PathVariable long id) {
        return payments.overview(caller, id);
    }

    @Get("/applications/{id}/payments/{paymentId}")
    public HttpResponse<Payment> get(Caller caller, @PathVariable long id, @PathVariable long paymentId) {
        return withETag(HttpResponse.ok(payments.payment(caller, id, paymentId)));
    }

    @Post("/applications/{id}/payments/{paymentId}/release")
    public HttpResponse<Payment> release(Caller caller, @PathVariable long id, @PathVariable long paymentId,
                                         @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(HttpResponse.ok(payments.release(caller, id, paymentId, ETags.expectedVersion(ifMatch))));
    }

    @Post("/applications/{id}/payments/{paymentId}/paid")
    @RequestBody(content = @Content(schema = @Schema(implementation = BookingCommand.class)))
    public HttpResponse<Payment> paid(Caller caller, @PathVariable long id, @PathVariable long paymentId,
                                      @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, @Body JsonNode body) {
        return withETag(HttpResponse.ok(payments.pay(caller, id, paymentId, ETags.expectedVersion(ifMatch),
                bodies.read(body, BookingCommand.class))));
    }

    @Post("/applications/{id}/payments/{paymentId}/reject")
    @RequestBody(content = @Content(schema = @Schema(implementation = ClosingCommand.class)))
    public HttpResponse<Payment> reject(Caller caller, @PathVariable long id, @PathVariable long paymentId,
                                        @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, @Body JsonNode body) {
        return withETag(HttpResponse.ok(payments.reject(caller, id, paymentId, ETags.expectedVersion(ifMatch),
                bodies.read(body, ClosingCommand.class))));
    }

    @Post("/applications/{id}/payments/{paymentId}/cancel")
    @RequestBody(content = @Content(schema = @Schema(implementation = ClosingCommand.class)))
    public HttpResponse<Payment> cancel(Caller caller, @PathVariable long id, @PathVariable long paymentId,
                                        @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, @Body JsonNode body) {
        return withETag(HttpResponse.ok(payments.cancel(caller, id, paymentId, ETags.expectedVersion(ifMatch),
                bodies.read(body, ClosingCommand.class))));
    }

    @Post("/applications/{id}/repayments")
    @RequestBody(content = @Content(schema = @Schema(implementation = RepaymentCommand.class)))
    public HttpResponse<?> repay(Caller caller, @PathVariable long id,
                                 @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Body JsonNode body) {
        return idempotent.once(caller, idempotencyKey, "POST /api/applications/" + id + "/repayments", body, () -> {
            Repayment recorded = payments.repay(caller, id, bodies.read(body, RepaymentCommand.class));
            return HttpResponse.created(recorded, URI.create("/api/applications/" + id + "/repayments/" + recorded.id()));
        });
    }

    @Get("/applications/{id}/repayments/{repaymentId}")
    public Repayment repayment(Caller caller, @PathVariable long id, @PathVariable long repaymentId) {
        return payments.repayment(caller, id, repaymentId);
    }

    @Get("/payments")
    public Page<PaymentListRow> list(Caller caller,
                                     @Nullable @QueryValue PaymentStatus status,
                                     @Nullable @QueryValue Integer year,
                                     @Nullable @QueryValue StateCode ownerState,
                                     @Nullable @QueryValue Integer page,
                                     @Nullable @QueryValue Integer size) {
        return payments.list(caller, status, year, ownerState, ApplicationPaging.unsorted(page, size));
    }

    private static MutableHttpResponse<Payment> withETag(MutableHttpResponse<Payment> response) {
        return response.header(HttpHeaders.ETAG, ETags.of(response.body().version()));
    }
}
