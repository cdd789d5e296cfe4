package de.foerderregister.document;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

@Controller("/api/applications/{id}/documents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentController {


    private final DocumentService documents;
    private final JsonBodies bodies;

    public DocumentController(DocumentService documents, JsonBodies bodies) {
        this.documents = documents;
        this.bodies = bodies;
    }

    /**
     * Stores the part {@code file}, read and written while it arrives. The part {@code title} comes
     * before it: the upload starts once every part it names is there, so a title sent after the
     * file (or none) means the whole file is received first. The subject is optional and therefore
     * in the query, where it is known at once: {@code ?subjectKind=DECISION&subjectId=17}; without
     * it the document is the application's own.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<DocumentView> upload(HttpRequest<?> request, Caller caller, @PathVariable long id,
                                             @Part("title") Publisher<CompletedPart> title, StreamingFileUpload file) {
        DocumentView stored = documents.upload(caller, id, subject(id, request.getParameters()), LeadingPart.text(title),
                file.getFilename(), FilePart.content(file));
        return HttpResponse.created(stored, URI.create("/api/applications/" + id + "/documents/" + stored.id()));
    }

    @Get
    public List<DocumentView> list(Caller caller, @PathVariable long id) {
        return documents.list(caller, id);
    }

    @Get("/{documentId}")
    public HttpResponse<StreamedFile> download(Caller caller, @PathVariable long id, @PathVariable long documentId) {
        return documents.download(caller, id, documentId).response();
    }

    @Post("/{documentId}/withdraw")
    @RequestBody(content = @Content(schema = @Schema(implementation = WithdrawCommand.class)))
    public DocumentView withdraw(Caller caller, @PathVariable long id, @PathVariable long documentId,
                                 @Body JsonNode body) {
        return documents.withdraw(caller, id, documentId, bodies.read(body, WithdrawCommand.class));
    }

    /**
     * The subject the query names; none means the application itself. Read from the query itself:
     * a {@code @QueryValue} that is absent would be looked for among the form's parts, and waiting
     * for those holds the upload back until the whole file is in.
     */
    static @Nullable DocumentSubject subject(long applicationId, HttpParameters query) {
        String kind = query.get("subjectKind");
        if (kind == null || kind.isBlank()) {
            return null;
        }
        SubjectKind subjectKind = Arrays.stream(SubjectKind.values()).filter(k -> k.name().equals(kind.strip()))
                .findFirst()
                .orElseThrow(() -> new BadRequest("subjectKind", RuleCode.VALUE_ONE_OF, Arrays.toString(SubjectKind.values())));
        String id = query.get("subjectId");
        if (id == null || id.isBlank()) {
            if (subjectKind == SubjectKind.APPLICATION) {
                return DocumentSubject.application(applicationId);
            }
            throw new BadRequest("subjectId", RuleCode.REQUIRED);
        }
        try {
            return new DocumentSubject(subjectKind, Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequest("subjectId", RuleCode.VALUE_WHOLE_NUMBER);
        }
    }
}
