package de.foerderregister.importing;

import de.foerderregister.application.FundingSource;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import de.foerderregister.system.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/imports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportController {

    static final String TEXT_CSV = "text/csv";

    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    /**
     * The CSV file as the raw body. 200 with every row's outcome; an atomic import with a bad row
     * answers 422 with the same list, having written nothing.
     */
    @Post("/applications")
    @Consumes({TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<ImportResult> importApplications(HttpRequest<?> request, Caller caller, @Body byte[] file,
                                                         @Nullable @QueryValue Boolean atomic,
                                                         @Nullable @QueryValue Boolean dryRun,
                                                         @Nullable @QueryValue FundingSource fundingSource) {
        boolean allOrNothing = Boolean.TRUE.equals(atomic);
        ImportResult result = imports.importApplications(caller, file, allOrNothing, Boolean.TRUE.equals(dryRun),
                fundingSource, Messages.apiLocale(request));
        return HttpResponse.status(allOrNothing && result.hasErrors() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(result);
    }
}
