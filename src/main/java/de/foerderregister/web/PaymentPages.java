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
import de.foerderregister.problem.InvalidInput;
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
import java.util.function.Supplier;

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
        return onApplication(request, caller, id, "payment", input, REQUEST_FIELDS, () -> {
            payments.request(caller, id, command);
            return "paymentRequested";
        });
    }

    @Post("/applications/{id}/payments/{paymentId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> cancel(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                  @PathVariable long paymentId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        String reason = "reason_" + paymentId;
        return onApplication(request, caller, id, "cancel_" + paymentId, input, Map.of("reason", reason), () -> {
            payments.cancel(caller, id, paymentId, input.version(), new ClosingCommand(input.text(reason)));
            return "paymentCancelled";
        });
    }

    @Post("/applications/{id}/repayments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> repay(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                 @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        RepaymentCommand command = new RepaymentCommand(input.amount("repaymentAmount"), input.year("repaymentYear"),
                input.date("repaymentReceivedOn"), input.text("repaymentReason"));
        return onApplication(request, caller, id, "repayment", input, REPAYMENT_FIELDS, () -> {
            payments.repay(caller, id, command);
            return "repaymentRecorded";
        });
    }

    /** FITKO's work list: the requested payments, oldest first, to release or reject. */
    @Get("/payments/requested")
    public HttpResponse<?> toRelease(HttpRequest<?> request, Caller caller) {
        caller.requireRole("release payments", Role.FITKO);
        return workList(request, caller, PaymentStatus.REQUESTED, null, null, Map.of());
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
        return onWorkList(request, caller, PaymentStatus.REQUESTED, input, Map.of("reason", reason), () -> {
            payments.reject(caller, id, paymentId, input.version(), new ClosingCommand(input.text(reason)));
            return "rejected";
        });
    }

    /** Finance's work list: the released payments, oldest first, to book as paid. */
    @Get("/payments/released")
    public HttpResponse<?> toBook(HttpRequest<?> request, Caller caller) {
        caller.requireRole("book payments", Role.FINANCE);
        return workList(request, caller, PaymentStatus.RELEASED, null, null, Map.of());
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
        return onWorkList(request, caller, PaymentStatus.RELEASED, input, fields, () -> {
            payments.pay(caller, id, paymentId, input.version(), command);
            return "paid";
        });
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    /**
     * Runs a form of the application's page: on success back to the page with its notice; a refusal
     * that names fields (unreadable input, a rule, or money that is not there) shows the page again.
     */
    private HttpResponse<?> onApplication(HttpRequest<?> request, Caller caller, long id, String form, FormInput input,
                                          Map<String, String> fields, Supplier<String> action) {
        try {
            if (input.hasErrors()) {
                throw new InvalidInput(input.errors);
            }
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=" + action.get());
        } catch (RegistryException refused) {
            if (refused.errors().isEmpty()) {
                throw refused;
            }
            return detail.refused(request, caller, id, form, input.values(), errors(input, refused), fields,
                    refused.status());
        }
    }

    /** Runs a row's form of a work list: on success back to the list with its notice, else the list with the errors. */
    private HttpResponse<?> onWorkList(HttpRequest<?> request, Caller caller, PaymentStatus list, FormInput input,
                                       Map<String, String> fields, Supplier<String> action) {
        try {
            if (input.hasErrors()) {
                throw new InvalidInput(input.errors);
            }
            return UiPages.redirect(path(list) + "?done=" + action.get());
        } catch (RegistryException refused) {
            if (refused.errors().isEmpty()) {
                throw refused;
            }
            return workList(request, caller, list, input, refused, fields);
        }
    }

    /** The work list of payments in the status, filtered by the query; with a refused row form's errors where one was. */
    private HttpResponse<?> workList(HttpRequest<?> request, Caller caller, PaymentStatus status,
                                     @Nullable FormInput form, @Nullable RegistryException refused,
                                     Map<String, String> fields) {
        FormInput filter = FormInput.query(request);
        Integer year = filter.year("year");
        StateCode state = filter.choice("ownerState", StateCode.class);
        int pageNumber = filter.page();
        List<FieldError> errors = new ArrayList<>(filter.errors);
        if (form != null && refused != null) {
            errors.addAll(errors(form, refused));
        }
        Page<PaymentListRow> found = payments.list(caller, status, filter.hasErrors() ? null : year,
                filter.hasErrors() ? null : state, Pageable.from(pageNumber, PAGE_SIZE));
        Map<String, Object> model = pages.model(request);
        // the language switch of a refused form leads to the list, not to the form's address
        model.put("path", path(status));
        model.put("list", status.name());
        model.put("found", found);
        model.put("filter", filter.values());
        model.put("form", form == null ? Map.of() : form.values());
        model.put("states", StateCode.values());
        model.put("done", filter.text("done") == null ? "" : filter.text("done"));
        model.put("pageNumber", pageNumber);
        model.put("pageCount", Math.max(1, found.getTotalPages()));
        model.put("query", filter.queryOf(List.of("year", "ownerState")));
        pages.putErrors(request, model, errors, fields);
        return pages.page(refused == null ? HttpStatus.OK : refused.status(), "payments", model);
    }

    private static String path(PaymentStatus list) {
        return list == PaymentStatus.REQUESTED ? TO_RELEASE : TO_BOOK;
    }

    /** The reading errors of the form first, then the service's, each once. */
    private static List<FieldError> errors(FormInput input, RegistryException refused) {
        List<FieldError> errors = new ArrayList<>(input.errors);
        refused.errors().stream().filter(error -> !errors.contains(error)).forEach(errors::add);
        return errors;
    }
}
