package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.AccountSessions;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.system.Messages;
import de.foerderregister.system.WorkSlots;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.type.Argument;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Imports that run in the background: started with the received file, they answer at once with the
 * job, which the importer follows with {@code GET /api/imports/{id}}. Each chunk's row outcomes are
 * stored in the chunk's own transaction, so what a job shows as done is exactly what was committed.
 * Its instance moves the job's heartbeat after each chunk and every 30 seconds; a job whose instance
 * stops (a restart, a crash) stops moving it, and after
 * {@code registry.imports.stale-after} (two minutes) any instance marks it FAILED with the rows it
 * had done: a default import keeps the chunks it committed, an atomic one nothing. After each chunk
 * the job reads its importer's account as every request does; an account disabled, logged out or
 * changed in role or state stops the job (FAILED, {@code import.accountChanged}) before its next
 * chunk. A job's {@code failure} is a rule code, worded in the reader's language; the cause of an
 * unexpected failure goes to the server's log only.
 */
@Singleton
public class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final Argument<List<String>> NAMES = Argument.listOf(String.class);
    private static final Argument<List<FieldError>> ERRORS = Argument.listOf(FieldError.class);
    static final int PAGE_MAX = 10_000;

    private final ImportService imports;
    private final ImportJobRepository jobs;
    private final ImportBatches batches;
    private final ExecutorService executor;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration staleAfter;
    private final AccountSessions sessions;
    private final Messages messages;
    /** The jobs running on this instance, whose heartbeat it moves between chunks too. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public ImportJobs(ImportService imports, ImportJobRepository jobs, ImportBatches batches, AccountSessions sessions,
                      Messages messages,
                      @Named(TaskExecutors.BLOCKING) ExecutorService executor, ObjectMapper json, Clock clock,
                      @Value("${registry.imports.stale-after:2m}") Duration staleAfter) {
        this.imports = imports;
        this.jobs = jobs;
        this.batches = batches;
        this.executor = executor;
        this.json = json;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.sessions = sessions;
        this.messages = messages;
    }

    /**
     * Checks the caller and the file's header (refusing as a synchronous import would), records the
     * job and runs it in the background; the job deletes the file and frees the caller's import slot
     * when it ends.
     */
    ImportJobView start(Caller caller, ImportUpload upload, ImportService.Options options, WorkSlots.Slot slot) {
        ImportJob job;
        CsvFile csv;
        OptionalLong session = sessions.generation(caller);
        try {
            csv = CsvFile.open(upload.path());
            List<String> ignored = imports.open(caller, csv);
            Instant now = clock.instant();
            job = jobs.save(new ImportJob(null, caller.username(), caller.role(), caller.state(), options.atomic(),
                    options.dryRun(), ImportJobStatus.RUNNING, csv.rowCount(), 0, 0, 0, 0, 0, csv.encoding(),
                    String.valueOf(csv.delimiter()), json.writeValueAsString(NAMES, ignored), null, null, now, now, null));
        } catch (IOException e) {
            upload.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        long id = job.id();
        running.add(id);
        // not in the request's context: the job would inherit its connection, which closes with the answer
        try (PropagatedContext.Scope detached = PropagatedContext.empty().propagate()) {
            executor.execute(() -> run(id, caller, session, upload, csv, options, slot));
        } catch (RejectedExecutionException e) {
            running.remove(id);
            LOG.error("Import job {} could not be started", id, e);
            upload.close();
            jobs.fail(id, RuleCode.IMPORT_JOB_FAILED.code(), clock.instant());
            throw e;
        }
        return view(job, 0, 0, Locale.ROOT);
    }

    private void run(long id, Caller caller, OptionalLong session, ImportUpload upload, CsvFile csv,
                     ImportService.Options options, WorkSlots.Slot slot) {
        // the slot is free before the job shows it ended, so whoever sees the end may import again
        ImportService.Finished finished;
        try (slot; upload) {
            finished = runChunks(id, caller, session, csv, options);
        } catch (ImportStopped e) {
            running.remove(id);
            LOG.warn("Import job {} stopped: {}", id, e.getMessage());
            jobs.fail(id, e.reason().code(), clock.instant());
            return;
        } catch (RuntimeException e) {
            running.remove(id);
            LOG.error("Import job {} failed", id, e);
            jobs.fail(id, RuleCode.IMPORT_JOB_FAILED.code(), clock.instant());
            return;
        }
        try {
            ImportResult.Counts counts = finished.counts();
            jobs.finish(id, counts.created(), counts.duplicate(), counts.failed(), counts.valid(), finished.runId(),
                    clock.instant());
        } finally {
            running.remove(id);
        }
    }

    private ImportService.Finished runChunks(long id, Caller caller, OptionalLong session, CsvFile csv,
                                             ImportService.Options options) {
        return imports.run(caller, csv, options, new ImportService.RowSink() {
            @Override
            public void accept(List<RowResult> results) {
                batches.insertOutcomes(id, results);
            }

            @Override
            public void discard() {
                // the outcomes were written in the transaction that was rolled back
            }
        }, new Progress(id, caller, session));
    }

    /** Writes the rows done after each chunk, with how they fared so far, and stops the job when its importer's session ended. */
    private final class Progress implements ImportService.Progress {

        private final long id;
        private final Caller caller;
        private final OptionalLong session;

        Progress(long id, Caller caller, OptionalLong session) {
            this.id = id;
            this.caller = caller;
            this.session = session;
        }

        @Override
        public void chunkDone(ImportResult.Counts soFar) {
            jobs.progress(id, soFar.rows(), soFar.created(), soFar.duplicate(), soFar.failed(), soFar.valid(),
                    clock.instant());
            if (session.isEmpty() || !session.equals(sessions.generation(caller))) {
                throw new ImportStopped("the account " + caller.username() + " was disabled, logged out or changed",
                        RuleCode.IMPORT_ACCOUNT_CHANGED);
            }
        }
    }

    /**
     * The job, if the caller may see it: its importer, and FITKO (who reads everything); anyone else
     * (another state's user above all) is told it does not exist. {@code page} and {@code size} page
     * through the row outcomes.
     */
    public ImportJobView get(Caller caller, long id, int page, int size, Locale locale) {
        ImportJob job = jobs.findById(id)
                .filter(found -> found.importedBy().equals(caller.username()) || caller.role() == Role.FITKO)
                .orElseThrow(() -> new NotFound("Import " + id));
        return view(job, Math.max(0, page), Math.max(1, Math.min(PAGE_MAX, size)), locale);
    }

    private ImportJobView view(ImportJob job, int page, int size, Locale locale) {
        if (job.status() == ImportJobStatus.RUNNING) {
            return new ImportJobView(job.id(), job.status(), job.rowsDone(), job.rowsTotal(), job.startedAt(), null, null,
                    page, size, 0, null);
        }
        List<RowResult> rows = jobs.rows(job.id(), size, (long) page * size).stream().map(this::result).toList();
        ImportResult result = new ImportResult(job.runId(), job.dryRun(), job.atomic(), job.encoding(), job.delimiterChar(),
                read(job.ignoredColumns(), NAMES), new ImportResult.Counts(job.rowsDone(), job.rowsCreated(),
                job.rowsDuplicate(), job.rowsFailed(), job.rowsValid()), rows);
        return new ImportJobView(job.id(), job.status(), job.rowsDone(), job.rowsTotal(), job.startedAt(),
                job.finishedAt(), job.failure() == null ? null
                        : new FieldError("job", job.failure(), List.of(), null).worded(messages, locale), page, size, jobs.countRows(job.id()), result);
    }

    private RowResult result(ImportJobRow row) {
        return new RowResult(row.fileRow(), row.lineNumber(), row.status(), row.applicationId(), row.reference(),
                row.title(), row.note(), read(row.errors(), ERRORS));
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the heartbeat of the jobs running here, so that a job whose chunk takes long (an atomic
     * one above all) is not taken for one whose instance stopped: every 30 seconds, a quarter of
     * {@code registry.imports.stale-after}'s two minutes.
     */
    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void beat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            jobs.beat(List.copyOf(running), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Could not move the heartbeat of the running import jobs: {}", e.toString());
        }
    }

    /** Marks FAILED the jobs whose instance stopped: at start-up, and every minute for the jobs of other instances. */
    @Scheduled(fixedDelay = "1m", initialDelay = "5s")
    void failStale() {
        try {
            Instant now = clock.instant();
            int failed = jobs.failStale(now.minus(staleAfter), RuleCode.IMPORT_JOB_INTERRUPTED.code(), now);
            if (failed > 0) {
                LOG.warn("Marked {} import jobs as failed: their instance stopped while they ran", failed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look for interrupted import jobs: {}", e.toString());
        }
    }
}
