package de.foerderregister.obligation;

import de.foerderregister.application.StateCode;
import de.foerderregister.document.LeadingPart;
import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.reactivestreams.Publisher;

import java.time.LocalDate;
import java.util.List;

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ObligationController {

    private final ObligationService obligations;
    private final JsonBodies bodies;

    public ObligationController(ObligationService obligations, JsonBodies bodies) {
        this.obligations = obligations;
        this.bodies = bodies;
    }

    @Get("/applications/{id}/obligations")
    public List<ObligationView> ofApplication(Caller caller, @PathVariable long id) {
        return obligations.ofApplication(caller, id);
    }

    /** {@code status} may be given more than once (any of them); {@code overdue=false} lists those not overdue. */
    @Get("/obligations")
    public Page<ObligationView> list(Caller caller,
                                     @Nullable @QueryValue List<ObligationStatus> status,
                                     @Nullable @QueryValue Boolean overdue,
                                     @Nullable @QueryValue StateCode ownerState,
                                     @Nullable @QueryValue LocalDate dueBefore,
                                     @Nullable @QueryValue Integer page,
                                     @Nullable @QueryValue Integer size) {
        return obligations.list(caller, new ObligationFilter(status, overdue, ownerState, dueBefore), page, size);
    }

    @Post(value = "/applications/{id}/obligations/{oid}/submission", consumes = MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(implementation = SubmissionCommand.class)))
    public ObligationView submit(Caller caller, @PathVariable long id, @PathVariable long oid, @Body JsonNode body) {
        return obligations.submit(caller, id, oid, bodies.read(body, SubmissionCommand.class));
    }

    /**
     * The report with a document: the parts {@code text} and {@code title} (the document's), then the
     * part {@code file}, read as it arrives. The text parts go first: a part sent after the file is
     * only seen once the whole file was received.
     */
    @Post(value = "/applications/{id}/obligations/{oid}/submission", consumes = MediaType.MULTIPART_FORM_DATA)
    public ObligationView submitWithDocument(Caller caller, @PathVariable long id, @PathVariable long oid,
                                             @Part("text") Publisher<CompletedPart> text,
                                             @Part("title") Publisher<CompletedPart> title, StreamingFileUpload file) {
        return obligations.submit(caller, id, oid, new SubmissionCommand(LeadingPart.text(text)),
                new ReportDocument(LeadingPart.text(title), file.getFilename(), file.asInputStream()));
    }

    @Post("/applications/{id}/obligations/{oid}/accept")
    public ObligationView accept(Caller caller, @PathVariable long id, @PathVariable long oid) {
        return obligations.accept(caller, id, oid);
    }

    @Post("/applications/{id}/obligations/{oid}/return")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReturnCommand.class)))
    public ObligationView giveBack(Caller caller, @PathVariable long id, @PathVariable long oid, @Body JsonNode body) {
        return obligations.giveBack(caller, id, oid, bodies.read(body, ReturnCommand.class));
    }
}
