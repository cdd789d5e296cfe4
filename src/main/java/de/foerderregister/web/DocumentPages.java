package de.foerderregister.web;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.document.DocumentService;
import de.foerderregister.document.DocumentSubject;
import de.foerderregister.document.DocumentView;
import de.foerderregister.document.FilePart;
import de.foerderregister.document.LeadingPart;
import de.foerderregister.document.WithdrawCommand;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.PayloadTooLarge;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.problem.UnsupportedMediaType;
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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's documents on its page: the upload form (multipart, its CSRF token a part before
 * the file, so the file streams as through the API), the download, and the withdrawal with a
 * reason. A refused upload shows the application's page again with the reason next to the field.
 */
@Controller(DocumentPages.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentPages {

    static final String PATH = "/ui/applications/{id}/documents";
    /** The select's value for the application itself; a decision is {@code DECISION:<id>}. */
    static final String APPLICATION_SUBJECT = "APPLICATION";
    private static final String DECISION_PREFIX = "DECISION:";
    /** The form's fields as the page names them, and the service's fields they answer for. */
    private static final Map<String, String> ANCHORS = Map.of("title", "documentTitle", "file", "documentFile",
            "subjectKind", "documentSubject", "subjectId", "documentSubject", "subject", "documentSubject");

    private final DocumentService documents;
    private final ApplicationDetail detail;
    private final ApplicationService applications;
    private final UiPages pages;

    public DocumentPages(DocumentService documents, ApplicationDetail detail, ApplicationService applications,
                         UiPages pages) {
        this.documents = documents;
        this.detail = detail;
        this.applications = applications;
        this.pages = pages;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> upload(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                  @Part("_csrf") Publisher<CompletedPart> csrf,
                                  @Part("title") Publisher<CompletedPart> title,
                                  @Part("subject") Publisher<CompletedPart> subject, StreamingFileUpload file) {
        UiCookies.verify(request, LeadingPart.text(csrf));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("documentTitle", LeadingPart.text(title));
        form.put("documentSubject", LeadingPart.text(subject));
        try {
            documents.upload(caller, id, subject(id, form.get("documentSubject")), form.get("documentTitle"),
                    file.getFilename(), FilePart.content(file));
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=documentAdded#documents");
        } catch (InvalidInput | UnsupportedMediaType | PayloadTooLarge refused) {
            return detail.refused(request, caller, id, "document", form, refused.errors(), ANCHORS, refused.status());
        }
    }

    @Get("/{documentId}")
    public HttpResponse<StreamedFile> download(Caller caller, @PathVariable long id, @PathVariable long documentId) {
        return documents.download(caller, id, documentId).response();
    }

    @Get(value = "/{documentId}/withdraw", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> confirmWithdraw(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                           @PathVariable long documentId) {
        caller.requireRole("withdraw documents", Role.STATE, Role.FITKO);
        return withdrawPage(request, caller, id, documents.get(caller, id, documentId), Map.of(), List.of(),
                HttpStatus.OK);
    }

    @Post(value = "/{documentId}/withdraw", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withdraw(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                    @PathVariable long documentId, @Nullable @Body Map<String, Object> fields) {
        FormInput input = new FormInput(fields);
        UiCookies.verify(request, input.text(UiCookies.CSRF_FIELD));
        try {
            documents.withdraw(caller, id, documentId, new WithdrawCommand(input.text("reason")));
            return UiPages.redirect(ApplicationPages.PATH + "/" + id + "?done=documentWithdrawn#documents");
        } catch (InvalidInput refused) {
            return withdrawPage(request, caller, id, documents.get(caller, id, documentId), input.values(),
                    refused.errors(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Error(exception = RegistryException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, RegistryException exception) {
        return pages.errorPage(request, exception);
    }

    private HttpResponse<?> withdrawPage(HttpRequest<?> request, Caller caller, long id, DocumentView document,
                                         Map<String, String> form, List<FieldError> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request);
        model.put("a", applications.get(caller, id, null));
        model.put("d", document);
        model.put("form", form);
        pages.putErrors(request, model, errors, Map.of());
        return pages.page(status, "document-withdraw", model);
    }

    /** The subject the select names: the application itself, or one of its decisions. */
    private static DocumentSubject subject(long applicationId, @Nullable String choice) {
        if (choice == null || choice.isBlank() || choice.strip().equals(APPLICATION_SUBJECT)) {
            return DocumentSubject.application(applicationId);
        }
        if (choice.strip().startsWith(DECISION_PREFIX)) {
            try {
                return DocumentSubject.decision(Long.parseLong(choice.strip().substring(DECISION_PREFIX.length())));
            } catch (NumberFormatException e) {
                // refused below, like any other value the select does not offer
            }
        }
        throw InvalidInput.of("subject", RuleCode.FORM_CHOICE);
    }
}
