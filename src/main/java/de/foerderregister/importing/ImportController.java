package de.foerderregister.importing;

import de.foerderregister.application.FundingSource;
import de.foerderregister.security.Caller;
import de.foerderregister.system.Messages;
import de.foerderregister.system.WorkSlots;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.InputStream;
import java.util.Locale;

@Controller("/api/imports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportController {

    static final String TEXT_CSV = "text/csv";
    /** RFC 7240: the client would rather have a job to follow than wait for the answer. */
    static final String RESPOND_ASYNC = "respond-async";

    private final ImportService imports;
    private final ImportJobs jobs;
    private final ImportLimits limits;

    public ImportController(ImportService imports, ImportJobs jobs, ImportLimits limits) {
        this.imports = imports;
        this.jobs = jobs;
        this.limits = limits;
    }

    /**
     * The CSV file as the raw body, read while it arrives (up to {@code registry.imports.max-size},
     * else 413). Answered at once — 200 with every row's outcome; an atomic import with a bad row 422
     * with the same list, having written nothing — unless the client sends {@code Prefer:
     * respond-async} or the file is larger than {@code registry.imports.async-above}: then 202 with
     * the job and its {@code Location}, {@code GET /api/imports/{id}}. An atomic import holds the
     * audit chain and the kept totals until it commits, so it is refused (413) above
     * {@code registry.imports.async-above} before any row is read. Before the body is received the
     * caller takes one of the instance's import slots (429 while the caller's own import runs, 503
     * when all are taken), held until the import or its job ends.
     */
    @Post("/applications")
    @Consumes({TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<?> importApplications(HttpRequest<?> request, Caller caller, @Body InputStream file,
                                              @Nullable @Header("Prefer") String prefer,
                                              @Nullable @QueryValue Boolean atomic,
                                              @Nullable @QueryValue Boolean dryRun,
                                              @Nullable @QueryValue FundingSource fundingSource) {
        imports.requireImporter(caller);
        WorkSlots.Slot slot = limits.takeSlot(caller);
        boolean handedToJob = false;
        try {
            ImportUpload upload = ImportUpload.receive(file, request.getContentLength(), limits.maxSize());
            ImportService.Options options = new ImportService.Options(Boolean.TRUE.equals(atomic),
                    Boolean.TRUE.equals(dryRun), fundingSource, Messages.apiLocale(request));
            if (options.atomic() && upload.size() > limits.asyncAbove()) {
                upload.close();
                throw ImportLimits.atomicTooLarge(limits.asyncAbove());
            }
            boolean asked = prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC);
            if (asked || upload.size() > limits.asyncAbove()) {
                ImportJobView job = jobs.start(caller, upload, options, slot);
                handedToJob = true;
                MutableHttpResponse<ImportJobView> accepted = HttpResponse.<ImportJobView>status(HttpStatus.ACCEPTED).body(job);
                accepted.header(HttpHeaders.LOCATION, "/api/imports/" + job.id());
                if (asked) {
                    accepted.header("Preference-Applied", RESPOND_ASYNC);
                }
                return accepted;
            }
            try (upload) {
                ImportResult result = imports.importApplications(caller, CsvFile.open(upload.path()), options);
                return HttpResponse.status(options.atomic() && result.hasErrors() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                        .body(result);
            }
        } finally {
            if (!handedToJob) {
                slot.close();
            }
        }
    }

    /** An import job: its progress, and once it stopped its result, the row outcomes a page at a time. */
    @Get("/{id}")
    public ImportJobView job(HttpRequest<?> request, Caller caller, @PathVariable long id,
                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return jobs.get(caller, id, page == null ? 0 : page, size == null ? 1000 : size, Messages.apiLocale(request));
    }
}
