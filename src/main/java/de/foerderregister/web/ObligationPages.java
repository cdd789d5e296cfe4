package de.foerderregister.web;

import de.foerderregister.application.StateCode;
import de.foerderregister.document.DocumentLimits;
import de.foerderregister.document.LeadingPart;
import de.foerderregister.obligation.ObligationFilter;
import de.foerderregister.obligation.ObligationService;
import de.foerderregister.obligation.ObligationStatus;
import de.foerderregister.obligation.ObligationView;
import de.foerderregister.obligation.ReportDocument;
import de.foerderregister.obligation.ReturnCommand;
import de.foerderregister.obligation.SubmissionCommand;
import de.foerderregister.obligation.SubmissionView;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.PayloadTooLarge;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.problem.UnsupportedMediaType;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports owed after approvals: a state's list of what it owes with the form to submit a
 * report (and a document), FITKO's lists of reports to review and of those due and overdue, with acceptance and a
 * return with its reason. The rules are {@link ObligationService}'s; these pages only choose what
 * to offer, from the status machine itself.
 */
@Controller("/ui")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ObligationPages {

    static final String PATH = "/ui/obligations";
    private static final String REPORT = "/applications/{applicationId}/obligations/{obligationId}";
    /** The document's title, as the form names it; the service calls it {@code title}. */
    private static final String DOCUMENT_TITLE = "documentTitle";
    /** The status choice that stands for OPEN and RETURNED: what the state still owes. */
    static final String OUTSTANDING = "OUTSTANDING";
    private static final List<ObligationStatus> OWED = List.of(ObligationStatus.OPEN, ObligationStatus.RETURNED);

    private final ObligationService obligations;
    private final DocumentLimits documentLimits;
    private final UiPages pages;

    public ObligationPages(ObligationService obligations, DocumentLimits documentLimits, UiPages pages) {
        this.obligations = obligations;
        this.documentLimits = documentLimits;
        this.pages = pages;
    }

    /**
     * Without a choice, each role starts where its work is: a state with what it owes, FITKO with
     * the reports to review, finance with every report.
     */
    @Get("/obligations")
    public HttpResponse<?> list(HttpRequest<?> request, Caller caller, @Nullable @QueryValue String status,
                                @Nullable @QueryValue String overdue, @Nullable @QueryValue String ownerState,
                                @Nullable @QueryValue Integer page) {
        String choice = status != null ? status
                : caller.hasRole(Role.STATE) ? OUTSTANDING
                : caller.hasRole(Role.FITKO) ? ObligationStatus.SUBMITTED.name() : "";
        boolean overdueOnly = overdue != null && !overdue.isBlank();
        StateCode stateFilter = UiPages.parse(StateCode.class, ownerState);
        int pageNumber = page == null || page < 0 ? 0 : page;
        Page<ObligationView> found = obligations.list(caller,
                new ObligationFilter(statuses(choice), overdueOnly ? Boolean.TRUE : null, stateFilter, null),
                pageNumber, ApplicationPages.PAGE_SIZE);
        Map<String, Object> model = pages.model(request);
        model.put("found", found);
        model.put("status", choice);
        model.put("overdue", overdueOnly);
        model.put("ownerState", stateFilter == null ? "" : stateFilter.name());
        model.put("statuses", ObligationStatus.values());
        model.put("states", StateCode.values());
        model.put("pageNumber", pageNumber);
        model.put("pageCount", Math.max(1, found.getTotalPages()));
        model.put("query", "status=" + choice + (overdueOnly ? "&overdue=on" : "")
                + "&ownerState=" + model.get("ownerState"));
        return pages.page("obligations", model);
    }

    @Get(REPORT)
    public HttpResponse<?> show(HttpRequest<?> request, Caller caller, @PathVariable long applicationId,
                                @PathVariable long obligationId, @Nullable @QueryValue String done) {
        return obligationPage(request, caller, obligations.get(caller, applicationId, obligationId), done, Map.of(),
                List.of(), HttpStatus.OK);
    }

    /**
     * The form is multipart, for its optional document: the text parts come first (the form's
     * order), each read as one part so that the file streams (see {@link LeadingPart}). A browser
     * sends an empty file part when no file was chosen.
     */
    @Post(value = REPORT + "/submission", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> submit(HttpRequest<?> request, Caller caller, @PathVariable long applicationId,
                                  @PathVariable long obligationId,
                                  @Part(UiCookies.CSRF_FIELD) Publisher<CompletedPart> csrf,
                                  @Part("text") Publisher<CompletedPart> text,
                                  @Part(DOCUMENT_TITLE) Publisher<CompletedPart> documentTitle,
                                  StreamingFileUpload file) {
        UiCookies.verify(request, LeadingPart.text(csrf));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("text", LeadingPart.text(text));
        typed.put(DOCUMENT_TITLE, LeadingPart.text(documentTitle));
        SubmissionCommand command = new SubmissionCommand(typed.get("text"));
        try {
            if (file.getFilename() == null || file.getFilename().isBlank()) {
                file.discard();
                obligations.submit(caller, applicationId, obligationId, command);
            } else {
                obligations.submit(caller, applicationId, obligationId, command,
                        new ReportDocument(typed.get(DOCUMENT_TITLE), file.getFilename(), file.asInputStream()));
            }
            return UiPages.redirect(link(applicationId, obligationId) + "?done=reportSubmitted");
        } catch (InvalidInput | UnsupportedMediaType | PayloadTooLarge refused) {
            return obligationPage(request, caller, obligations.get(caller, applicationId, obligationId), null, typed,
                    refused.errors(), refused.status());
        }
    }

    @Post(REPORT + "/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> accept(HttpRequest<?> request, Caller caller, @PathVariable long applicationId,
                                  @PathVariable long obligationId, @Nullable @Body Map<String, Object> form) {
        UiCookies.verify(request, new FormInput(form).text(UiCookies.CSRF_FIELD));
        obligations.accept(caller, applicationId, obligationId);
        return UiPages.redirect(link(applicationId, obligationId) + "?done=reportAccepted");
    }

    @Post(REPORT + "/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> giveBack(HttpRequest<?> request, Caller caller, @PathVariable long applicationId,
                                    @PathVariable long obligationId, @Nullable @Body Map<String, Object> form) {
        FormInput input = new FormInput(form);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        try {
            obligations.giveBack(caller, applicationId, obligationId, new ReturnCommand(input.text("reason")));
            return UiPages.redirect(link(applicationId, obligationId) + "?done=reportReturned");
        } catch (InvalidInput refused) {
            return obligationPage(request, caller, obligations.get(caller, applicationId, obligationId), null,
                    input.values(), refused.errors(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    /** The page of one report, as the application page links it. */
    static String link(long applicationId, long obligationId) {
        return ApplicationPages.PATH + "/" + applicationId + "/obligations/" + obligationId;
    }

    private HttpResponse<?> obligationPage(HttpRequest<?> request, Caller caller, ObligationView obligation,
                                           @Nullable String done, Map<String, String> form, List<FieldError> errors,
                                           HttpStatus status) {
        Map<String, Object> model = pages.model(request);
        Set<ObligationStatus> moves = obligation.status().allowedMoves();
        List<SubmissionView> submissions = obligation.submissions();
        SubmissionView latest = submissions.isEmpty() ? null : submissions.get(submissions.size() - 1);
        model.put("o", obligation);
        model.put("done", done == null ? "" : done);
        model.put("form", new LinkedHashMap<>(form));
        model.put("documentMaxSize", UiFormat.INSTANCE.size(documentLimits.maxSize()));
        model.put("maySubmit", caller.hasRole(Role.STATE, Role.FITKO) && moves.contains(ObligationStatus.SUBMITTED));
        model.put("mayReview", caller.hasRole(Role.FITKO) && moves.contains(ObligationStatus.ACCEPTED));
        // four eyes: the page offers no acceptance to whoever submitted the report
        model.put("ownSubmission", latest != null && latest.submittedBy().equals(caller.username()));
        pages.putErrors(request, model, errors, Map.of("title", DOCUMENT_TITLE));
        return pages.page(status, "obligation", model);
    }

    private static List<ObligationStatus> statuses(String choice) {
        if (OUTSTANDING.equals(choice)) {
            return OWED;
        }
        ObligationStatus one = UiPages.parse(ObligationStatus.class, choice);
        return one == null ? List.of() : List.of(one);
    }
}
