package de.foerderregister.web;

import de.foerderregister.application.ApplicationFilter;
import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.Status;
import de.foerderregister.budget.EnvelopeCheck;
import de.foerderregister.decision.AmendmentCommand;
import de.foerderregister.decision.AmendmentReview.ReviewOutcome;
import de.foerderregister.decision.AmendmentService;
import de.foerderregister.decision.BatchCommand;
import de.foerderregister.decision.BatchOutcome;
import de.foerderregister.decision.DecisionCommand;
import de.foerderregister.decision.DecisionKind;
import de.foerderregister.decision.DecisionService;
import de.foerderregister.decision.Outcome;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FITKO's work: the queue of submitted applications, the decision on one, a meeting's decisions at
 * once, amendments and their second pair of eyes. The rules are {@link DecisionService}'s and
 * {@link AmendmentService}'s; the role checks on the GET forms only spare other roles a form whose
 * submission the services would refuse anyway.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionPages {

    static final String QUEUE = "/ui/queue";
    /** The field of a form's reason to exceed an envelope, asked for once a change was refused for one. */
    static final String OVER_COMMITMENT = "overCommitment";
    private static final int QUEUE_MAX = 100;

    private final ApplicationService applications;
    private final DecisionService decisions;
    private final AmendmentService amendments;
    private final ApplicationDetail detail;
    private final UiPages pages;

    public DecisionPages(ApplicationService applications, DecisionService decisions, AmendmentService amendments,
                         ApplicationDetail detail, UiPages pages) {
        this.applications = applications;
        this.decisions = decisions;
        this.amendments = amendments;
        this.detail = detail;
        this.pages = pages;
    }

    @Get("/queue")
    public HttpResponse<?> queue(HttpRequest<?> request, Caller caller) {
        caller.requireRole("record decisions", Role.FITKO);
        Map<String, Object> model = pages.model(request);
        model.put("queue", submitted(caller));
        return pages.page("queue", model);
    }

    @Get("/applications/{id}/decision")
    public HttpResponse<?> decisionForm(HttpRequest<?> request, Caller caller, @PathVariable long id) {
        caller.requireRole("record decisions", Role.FITKO);
        ApplicationView application = applications.get(caller, id, null);
        Map<String, String> form = meetingDefaults();
        form.put("outcome", Outcome.APPROVED.name());
        form.put("approvedAmount", UiFormat.INSTANCE.number(application.requestedAmount()));
        form.put("version", String.valueOf(application.version()));
        return decisionPage(request, application, form, List.of(), HttpStatus.OK);
    }

    @Post("/applications/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decide(HttpRequest<?> request, Caller caller, @PathVariable long id, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        Outcome outcome = input.choice("outcome", Outcome.class);
        DecisionCommand command = new DecisionCommand(outcome,
                outcome == Outcome.APPROVED ? input.amount("approvedAmount") : null,
                input.text("body"), input.date("meetingDate"), input.text("agendaItem"),
                input.choice("kind", DecisionKind.class), input.text("note"), input.overCommitment(OVER_COMMITMENT));
        return input.submit(() -> {
            decisions.decide(caller, id, input.version(), command);
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=decided");
        }, (errors, status) -> decisionPage(request, applications.get(caller, id, null), input.values(), errors, status));
    }

    @Get("/batch")
    public HttpResponse<?> batchForm(HttpRequest<?> request, Caller caller) {
        caller.requireRole("record decisions", Role.FITKO);
        List<ApplicationView> queue = submitted(caller);
        Map<String, String> form = meetingDefaults();
        queue.forEach(application -> {
            form.put("outcome_" + application.id(), Outcome.APPROVED.name());
            form.put("amount_" + application.id(), UiFormat.INSTANCE.number(application.requestedAmount()));
        });
        return batchPage(request, queue, form, List.of(), Map.of(), HttpStatus.OK);
    }

    @Post("/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decideAll(HttpRequest<?> request, Caller caller, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        List<ApplicationView> queue = submitted(caller);
        List<BatchCommand.Item> items = new ArrayList<>();
        Map<String, String> anchors = new HashMap<>();
        for (ApplicationView application : queue) {
            long id = application.id();
            if (!input.checked("pick_" + id)) {
                continue;
            }
            int index = items.size();
            Outcome outcome = input.choice("outcome_" + id, Outcome.class);
            items.add(new BatchCommand.Item(id, outcome,
                    outcome == Outcome.APPROVED ? input.amount("amount_" + id) : null, input.text("note_" + id)));
            anchors.put("items[" + index + "].applicationId", "pick_" + id);
            anchors.put("items[" + index + "].outcome", "outcome_" + id);
            anchors.put("items[" + index + "].approvedAmount", "amount_" + id);
            anchors.put("items[" + index + "].note", "note_" + id);
            // one reason covers every item that exceeds an envelope
            anchors.put("items[" + index + "]." + EnvelopeCheck.FIELD, OVER_COMMITMENT);
        }
        anchors.put("items", "items");
        BatchCommand command = new BatchCommand(input.text("body"), input.date("meetingDate"), input.text("agendaItem"),
                input.choice("kind", DecisionKind.class), items, input.overCommitment(OVER_COMMITMENT));
        return input.submit(() -> {
            BatchOutcome outcome = decisions.decideAll(caller, command);
            return UiPages.redirect(QUEUE + "?decided=" + outcome.applications().size());
        }, (errors, status) -> batchPage(request, queue, input.values(), errors, anchors, status));
    }

    @Get("/applications/{id}/amendment")
    public HttpResponse<?> amendmentForm(HttpRequest<?> request, Caller caller, @PathVariable long id) {
        caller.requireRole("record amendments", Role.FITKO);
        ApplicationView application = applications.get(caller, id, null);
        Map<String, String> form = meetingDefaults();
        form.put("vatRatePercent", "19");
        form.put("reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        form.put("version", String.valueOf(application.version()));
        return amendmentPage(request, application, form, List.of(), HttpStatus.OK);
    }

    @Post("/applications/{id}/amendment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> amend(HttpRequest<?> request, Caller caller, @PathVariable long id, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        AmendmentCommand command = new AmendmentCommand(input.amount("newApprovedAmount"),
                input.amount("vatRatePercent"), input.text("reason"), input.text("body"), input.date("meetingDate"),
                input.text("agendaItem"), input.overCommitment(OVER_COMMITMENT));
        return input.submit(() -> {
            amendments.amend(caller, id, input.version(), command);
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=amended");
        }, (errors, status) -> amendmentPage(request, applications.get(caller, id, null), input.values(), errors, status));
    }

    @Post("/applications/{id}/amendments/{amendmentId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                   @PathVariable long amendmentId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        String reason = OVER_COMMITMENT + "_" + amendmentId;
        // the confirmed amount's own refusals (below what payments hold, below what was carried out of a year)
        // show at the button of the row
        String button = "confirm_" + amendmentId;
        Map<String, String> fields = new HashMap<>(overCommitmentFields(reason));
        fields.put("newApprovedAmount", button);
        fields.put("approvedAmount", button);
        return input.submit(() -> {
            amendments.review(caller, id, amendmentId, ReviewOutcome.CONFIRMED, input.overCommitment(reason));
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=confirmed");
        }, (errors, status) -> detail.refused(request, caller, id, button, input.values(), errors, fields, status));
    }

    @Post("/applications/{id}/amendments/{amendmentId}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decline(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                   @PathVariable long amendmentId, @Nullable @Body Map<String, Object> form) {
        UiCookies.verify(request, new FormInput(form).text(UiCookies.CSRF_FIELD));
        amendments.review(caller, id, amendmentId, ReviewOutcome.DECLINED, null);
        return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=declined");
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    /**
     * A shortfall names the envelope ({@link EnvelopeCheck#FIELD}); it shows at the form's reason to
     * exceed it, where the user can act on it, as does an error of that reason.
     */
    static Map<String, String> overCommitmentFields(String field) {
        return Map.of(EnvelopeCheck.FIELD, field, "overCommitment.reason", field);
    }

    private List<ApplicationView> submitted(Caller caller) {
        return applications.list(caller, new ApplicationFilter(null, Status.SUBMITTED, null, null, null),
                ApplicationPaging.of(0, QUEUE_MAX, "createdAt,asc")).getContent();
    }

    private static Map<String, String> meetingDefaults() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("body", "");
        form.put("meetingDate", "");
        form.put("agendaItem", "");
        form.put("kind", DecisionKind.RESOLUTION.name());
        return form;
    }

    private HttpResponse<?> decisionPage(HttpRequest<?> request, ApplicationView application, Map<String, String> form,
                                         List<FieldError> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request);
        model.put("a", application);
        model.put("form", form);
        model.put("outcomes", Outcome.values());
        model.put("kinds", DecisionKind.values());
        pages.putErrors(request, model, errors, overCommitmentFields(OVER_COMMITMENT));
        return pages.page(status, "decision-form", model);
    }

    private HttpResponse<?> batchPage(HttpRequest<?> request, List<ApplicationView> queue, Map<String, String> form,
                                      List<FieldError> errors, Map<String, String> anchors, HttpStatus status) {
        Map<String, Object> model = pages.model(request);
        model.put("queue", queue);
        model.put("form", form);
        model.put("outcomes", Outcome.values());
        model.put("kinds", DecisionKind.values());
        pages.putErrors(request, model, errors, anchors);
        return pages.page(status, "batch", model);
    }

    private HttpResponse<?> amendmentPage(HttpRequest<?> request, ApplicationView application, Map<String, String> form,
                                          List<FieldError> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request);
        model.put("a", application);
        model.put("form", form);
        Map<String, String> fields = new HashMap<>(overCommitmentFields(OVER_COMMITMENT));
        // a new amount below what was carried out of a year names the approved amount, which this form sets anew
        fields.put("approvedAmount", "newApprovedAmount");
        pages.putErrors(request, model, errors, fields);
        return pages.page(status, "amendment-form", model);
    }
}
