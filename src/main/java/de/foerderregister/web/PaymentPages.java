package de.foerderregister.web;

import de.foerderregister.application.StateCode;
import de.foerderregister.budget.BookingCommand;
import de.foerderregister.budget.ClosingCommand;
import de.foerderregister.budget.PaymentCommand;
import de.foerderregister.budget.PaymentListRow;
import de.foerderregister.budget.PaymentService;
import de.foerderregister.budget.PaymentStatus;
import de.foerderregister.budget.RepaymentCommand;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The money of an approval: a state (or FITKO) requests a payment and may cancel it on the
 * application's page, FITKO releases or rejects requests from its work list, finance books the
 * released ones from its list as paid and records repayments on the application's page. The rules
 * are {@link PaymentService}'s; a refusal about a field shows the form again with the service's
 * words next to that field, whether it is a typing error (422) or money the approval does not
 * leave (409).
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PaymentPages {

    static final String TO_RELEASE = "/ui/payments/requested";
    static final String TO_BOOK = "/ui/payments/released";
    static final int PAGE_SIZE = 50;
    /** The service's fields of a payment request and a repayment, and the fields of the forms that carry them. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of("amount", "paymentAmount", "year", "paymentYear",
            "purpose", "paymentPurpose");
    private static final Map<String, String> REPAYMENT_FIELDS = Map.of("amount", "repaymentAmount",
            "year", "repaymentYear", "receivedOn", "repaymentReceivedOn", "reason", "repaymentReason");

    private final PaymentService payments;
    private final ApplicationDetail detail;
    private final UiPages pages;

    public PaymentPages(PaymentService payments, ApplicationDetail detail, UiPages pages) {
        this.payments = payments;
        this.detail = detail;
        this.pages = pages;
    }

    @Post("/applications/{id}/payments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> request(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                   @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        PaymentCommand command = new PaymentCommand(input.amount("paymentAmount"), input.year("paymentYear"),
                input.text("paymentPurpose"));
        return input.submit(() -> {
            payments.request(caller, id, command);
            return done(id, "paymentRequested");
        }, (errors, status) -> detail.refused(request, caller, id, "payment", input.values(), errors, REQUEST_FIELDS, status));
    }

    @Post("/applications/{id}/payments/{paymentId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> cancel(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                  @PathVariable long paymentId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        String reason = "reason_" + paymentId;
        return input.submit(() -> {
            payments.cancel(caller, id, paymentId, input.version(), new ClosingCommand(input.text(reason)));
            return done(id, "paymentCancelled");
        }, (errors, status) -> detail.refused(request, caller, id, "cancel_" + paymentId, input.values(), errors,
                Map.of("reason", reason), status));
    }

    @Post("/applications/{id}/repayments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> repay(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                 @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        RepaymentCommand command = new RepaymentCommand(input.amount("repaymentAmount"), input.year("repaymentYear"),
                input.date("repaymentReceivedOn"), input.text("repaymentReason"));
        return input.submit(() -> {
            payments.repay(caller, id, command);
            return done(id, "repaymentRecorded");
        }, (errors, status) -> detail.refused(request, caller, id, "repayment", input.values(), errors, REPAYMENT_FIELDS,
                status));
    }

    /** FITKO's work list: the requested payments, oldest first, to release or reject. */
    @Get("/payments/requested")
    public HttpResponse<?> toRelease(HttpRequest<?> request, Caller caller) {
        caller.requireRole("release payments", Role.FITKO);
        return workList(request, caller, PaymentStatus.REQUESTED, Map.of(), List.of(), Map.of(), HttpStatus.OK);
    }

    @Post("/applications/{id}/payments/{paymentId}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> release(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                   @PathVariable long paymentId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        payments.release(caller, id, paymentId, input.version());
        return UiPages.redirect(TO_RELEASE + "?done=released");
    }

    @Post("/applications/{id}/payments/{paymentId}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reject(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                  @PathVariable long paymentId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        String reason = "reason_" + paymentId;
        return input.submit(() -> {
            payments.reject(caller, id, paymentId, input.version(), new ClosingCommand(input.text(reason)));
            return UiPages.redirect(TO_RELEASE + "?done=rejected");
        }, (errors, status) -> workList(request, caller, PaymentStatus.REQUESTED, input.values(), errors,
                Map.of("reason", reason), status));
    }

    /** Finance's work list: the released payments, oldest first, to book as paid. */
    @Get("/payments/released")
    public HttpResponse<?> toBook(HttpRequest<?> request, Caller caller) {
        caller.requireRole("book payments", Role.FINANCE);
        return workList(request, caller, PaymentStatus.RELEASED, Map.of(), List.of(), Map.of(), HttpStatus.OK);
    }

    @Post("/applications/{id}/payments/{paymentId}/paid")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> paid(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                @PathVariable long paymentId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        Map<String, String> fields = Map.of("paidOn", "paidOn_" + paymentId,
                "bookingReference", "bookingReference_" + paymentId);
        BookingCommand command = new BookingCommand(input.date(fields.get("paidOn")),
                input.text(fields.get("bookingReference")));
        return input.submit(() -> {
            payments.pay(caller, id, paymentId, input.version(), command);
            return UiPages.redirect(TO_BOOK + "?done=paid");
        }, (errors, status) -> workList(request, caller, PaymentStatus.RELEASED, input.values(), errors, fields, status));
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private static HttpResponse<?> done(long applicationId, String done) {
        return UiPages.redirect(ApplicationPages.PATH + "/" + applicationId + "?done=" + done);
    }

    /** The work list of payments in the status, filtered by the query; with a refused row form's errors where one was. */
    private HttpResponse<?> workList(HttpRequest<?> request, Caller caller, PaymentStatus status,
                                     Map<String, String> typed, List<FieldError> refused, Map<String, String> fields,
                                     HttpStatus code) {
        FormInput filter = FormInput.fromQuery(request);
        Integer year = filter.year("year");
        StateCode state = filter.choice("ownerState", StateCode.class);
        int pageNumber = page(filter.text("page"));
        List<FieldError> errors = new ArrayList<>(filter.errors);
        errors.addAll(refused);
        Page<PaymentListRow> found = payments.list(caller, status, filter.hasErrors() ? null : year,
                filter.hasErrors() ? null : state, Pageable.from(pageNumber, PAGE_SIZE));
        Map<String, Object> model = pages.model(request);
        // the language switch of a refused form leads to the list, not to the form's address
        model.put("path", path(status));
        model.put("list", status.name());
        model.put("found", found);
        model.put("filter", filter.values());
        model.put("form", typed);
        model.put("states", StateCode.values());
        model.put("done", filter.text("done") == null ? "" : filter.text("done"));
        model.put("pageNumber", pageNumber);
        model.put("pageCount", Math.max(1, found.getTotalPages()));
        model.put("query", filter.queryString("year", "ownerState"));
        pages.putErrors(request, model, errors, fields);
        return pages.page(code, "payments", model);
    }

    private static String path(PaymentStatus list) {
        return list == PaymentStatus.REQUESTED ? TO_RELEASE : TO_BOOK;
    }

    private static int page(@Nullable String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
