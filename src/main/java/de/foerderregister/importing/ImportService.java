package de.foerderregister.importing;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.ImportedApplication;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.decision.DecisionService;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.problem.UnexpectedErrorHandler;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.system.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes in a CSV file of applications, read from disk a chunk of rows at a time
 * ({@link ImportLimits#chunkRows}), so memory does not grow with the file. Every row is read and
 * checked against the registry's rules; then, by mode:
 * <ul>
 * <li>default: each chunk of rows is written in a transaction of its own; a bad row never stops a
 *     good one and a row that fails while being written leaves nothing behind;</li>
 * <li>{@code atomic}: all rows in one transaction, and only when no row has an error;</li>
 * <li>{@code dryRun}: nothing is written, the answer says what would happen.</li>
 * </ul>
 * Rows that enter an application (and submit it) go in batches through
 * {@link ApplicationService#importAll}; a row that also transcribes an approval goes through
 * {@link ApplicationService} and {@link DecisionService} on its own (in a transaction of its own
 * between the batches before and after it), so the rules, the state scope, the envelopes and the audit trail are the same as for the
 * API. A chunk whose batch fails for a reason nobody foresaw is rolled back and written again row by
 * row, each in a transaction of its own, so the failing row is found and only it is refused. Every
 * run that wrote (or tried to) is logged, even one that stops half-way because the database went away.
 */
@Singleton
public class ImportService {

    private static final Argument<List<FieldError>> ERRORS = Argument.listOf(FieldError.class);
    private static final int TITLE_STORED_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final ApplicationService applications;
    private final DecisionService decisions;
    private final ImportRepository imports;
    private final ImportBatches batches;
    private final RejectedRowRepository rejectedRows;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Messages messages;
    private final ImportLimits limits;

    public ImportService(ApplicationService applications, DecisionService decisions, ImportRepository imports,
                         ImportBatches batches, RejectedRowRepository rejectedRows,
                         TransactionOperations<Connection> transactions, ObjectMapper json, Clock clock,
                         Messages messages, ImportLimits limits) {
        this.applications = applications;
        this.decisions = decisions;
        this.imports = imports;
        this.batches = batches;
        this.rejectedRows = rejectedRows;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
        this.limits = limits;
    }

    /** What an import is asked to do. */
    record Options(boolean atomic, boolean dryRun, @Nullable FundingSource fundingSource, Locale locale) {

        FundingSource defaultSource() {
            return fundingSource == null ? FundingSource.DIGITALISATION_BUDGET : fundingSource;
        }
    }

    /** Where the outcomes of a chunk's rows go: called inside the chunk's transaction, where there is one. */
    interface RowSink {

        void accept(List<RowResult> results);

        /** An atomic import rolled back: the outcomes given so far are void. */
        void discard();
    }

    /** Told after each chunk how the rows done so far fared. */
    interface Progress {
        void chunkDone(ImportResult.Counts soFar);
    }

    /** The end of a run: the logged run (none for a dry run) and the counts. */
    record Finished(@Nullable Long runId, ImportResult.Counts counts) {
    }

    /** Refuses (403) a caller who may not import, before the file is read. */
    public void requireImporter(Caller caller) {
        caller.requireRole("import applications", Role.STATE, Role.FITKO);
    }

    /** Refuses a caller who may not import, and a file whose header is unusable (422), before anything runs. */
    List<String> open(Caller caller, CsvFile csv) {
        requireImporter(caller);
        return checkHeader(csv.header());
    }

    /** The whole import at once, every row's outcome in the answer: for files small enough to answer while the client waits. */
    ImportResult importApplications(Caller caller, CsvFile csv, Options options) {
        List<String> ignored = open(caller, csv);
        List<RowResult> rows = new ArrayList<>();
        Finished finished = run(caller, csv, options, new RowSink() {
            @Override
            public void accept(List<RowResult> results) {
                rows.addAll(results);
            }

            @Override
            public void discard() {
                rows.clear();
            }
        }, soFar -> { });
        return new ImportResult(finished.runId(), options.dryRun(), options.atomic(), csv.encoding(),
                String.valueOf(csv.delimiter()), ignored, finished.counts(), rows);
    }

    /**
     * Runs the import over the file's rows, chunk by chunk, giving each chunk's outcomes to
     * {@code sink} and the number of rows done to {@code progress} after each chunk.
     */
    Finished run(Caller caller, CsvFile csv, Options options, RowSink sink, Progress progress) {
        ImportTexts texts = new ImportTexts(messages, options.locale());
        Tally tally = new Tally();
        Map<String, FirstRow> earlier = new HashMap<>();
        try {
            if (options.dryRun() || options.atomic() && anyRowError(caller, csv, options, texts)) {
                forEachChunk(caller, csv, options, texts, chunk -> transactions.executeRead(status -> {
                    List<RowResult> results = process(caller, chunk, earlier, Mode.CHECK, false, texts);
                    sink.accept(results);
                    return results;
                }), tally, progress);
            } else if (options.atomic()) {
                writeAtomically(caller, csv, options, texts, sink, tally, progress);
            } else {
                forEachChunk(caller, csv, options, texts, chunk -> writeChunk(caller, chunk, earlier, sink, texts),
                        tally, progress);
            }
        } catch (RuntimeException e) {
            if (!options.dryRun()) {
                logAfterFailure(caller, options.atomic(), tally, e);
            }
            throw e;
        }
        Long runId = options.dryRun() ? null : log(caller, options.atomic(), tally);
        return new Finished(runId, tally.counts());
    }

    /** How a chunk's rows are handled. */
    private enum Mode {
        /** nothing written: what writing would do */
        CHECK,
        /** the entering rows in batches, within the chunk's transaction */
        BATCHED,
        /** every row on its own, as a fallback that finds the row a batch failed on */
        ROW_BY_ROW
    }

    private interface ChunkWork {
        List<RowResult> apply(List<ImportRow> chunk);
    }

    private void forEachChunk(Caller caller, CsvFile csv, Options options, ImportTexts texts, ChunkWork work,
                              Tally tally, Progress progress) {
        try (CsvFile.Rows rows = csv.rows()) {
            List<ImportRow> chunk = new ArrayList<>(limits.chunkRows());
            while (rows.hasNext()) {
                chunk.add(ImportRow.read(rows.next(), options.defaultSource(), caller, decisions, texts));
                if (chunk.size() == limits.chunkRows() || !rows.hasNext()) {
                    List<RowResult> results = work.apply(chunk);
                    tally.add(chunk, results, json);
                    progress.chunkDone(tally.counts());
                    chunk = new ArrayList<>(limits.chunkRows());
                }
            }
        }
    }

    /** Whether any row breaks a rule: then an atomic import writes nothing and answers like a dry run, with 422. */
    private boolean anyRowError(Caller caller, CsvFile csv, Options options, ImportTexts texts) {
        try (CsvFile.Rows rows = csv.rows()) {
            while (rows.hasNext()) {
                if (!ImportRow.read(rows.next(), options.defaultSource(), caller, decisions, texts).isValid()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One chunk of a default import: its rows in batches, in a transaction of their own up to the
     * next row that transcribes a decision, which is written in a transaction of its own (a refusal
     * of it must not roll back the others), and so on. A batch that fails is rolled back and its rows
     * written again one by one. Each transaction stores the outcomes of the rows it wrote.
     */
    private List<RowResult> writeChunk(Caller caller, List<ImportRow> chunk, Map<String, FirstRow> earlier,
                                       RowSink sink, ImportTexts texts) {
        List<RowResult> results = new ArrayList<>(chunk.size());
        while (results.size() < chunk.size()) {
            List<ImportRow> rest = chunk.subList(results.size(), chunk.size());
            Map<String, FirstRow> added = new HashMap<>();
            try {
                results.addAll(transactions.executeWrite(status -> {
                    imports.lockImports();
                    List<RowResult> written = process(caller, rest, new Layered(earlier, added), Mode.BATCHED, false, texts);
                    sink.accept(written);
                    return written;
                }));
                earlier.putAll(added);
            } catch (BatchFailed failed) {
                LOG.warn("An import batch of {} rows from row {} failed ({}); writing it row by row",
                        rest.size(), rest.get(0).source().number(), failed.getCause().toString());
                List<RowResult> written = process(caller, rest, earlier, Mode.ROW_BY_ROW, false, texts);
                transactions.executeWrite(status -> {
                    sink.accept(written);
                    return null;
                });
                results.addAll(written);
            }
            if (results.size() < chunk.size()) {
                ImportRow transcribing = chunk.get(results.size());
                RowResult result = writeOwn(caller, transcribing, sink, texts);
                if (result.status() != RowStatus.ERROR) {
                    earlier.putIfAbsent(transcribing.duplicateKey(), new FirstRow(result.row(), result.id(), result.reference()));
                }
                results.add(result);
            }
        }
        return results;
    }

    /** A row in a transaction of its own after the import lock, its outcome stored with it (or, refused, on its own). */
    private RowResult writeOwn(Caller caller, ImportRow row, RowSink sink, ImportTexts texts) {
        RowResult refused;
        try {
            return transactions.executeWrite(status -> {
                imports.lockImports();
                RowResult written = storedDuplicate(row).orElseGet(() -> write(caller, row));
                sink.accept(List.of(written));
                return written;
            });
        } catch (RegistryException e) {
            refused = RowResult.error(row, inColumns(e, texts));
        } catch (RuntimeException e) {
            refused = RowResult.error(row, unexpected(row, e, texts));
        }
        transactions.executeWrite(status -> {
            sink.accept(List.of(refused));
            return null;
        });
        return refused;
    }

    /** Every chunk in one transaction; a row that fails rolls back all of them, and the answer names it. */
    private void writeAtomically(Caller caller, CsvFile csv, Options options, ImportTexts texts, RowSink sink,
                                 Tally tally, Progress progress) {
        Tally written = new Tally();
        try {
            try {
                writeAllChunks(caller, csv, options, texts, sink, written, progress, Mode.BATCHED);
            } catch (BatchFailed failed) {
                LOG.warn("An atomic import failed as a batch ({}); writing it again row by row to find the row",
                        failed.getCause().toString());
                sink.discard();
                written = new Tally();
                writeAllChunks(caller, csv, options, texts, sink, written, progress, Mode.ROW_BY_ROW);
            }
            tally.addAll(written);
        } catch (RowFailed failed) {
            sink.discard();
            forEachChunk(caller, csv, options, texts, chunk -> {
                List<RowResult> results = chunk.stream().map(row -> row.source().number() == failed.row.source().number()
                        ? RowResult.error(row, failed.errors) : RowResult.of(row, RowStatus.VALID, null, null, null)).toList();
                transactions.executeWrite(status -> {
                    sink.accept(results);
                    return null;
                });
                return results;
            }, tally, done -> { });
        }
    }

    private void writeAllChunks(Caller caller, CsvFile csv, Options options, ImportTexts texts, RowSink sink,
                                Tally tally, Progress progress, Mode mode) {
        Map<String, FirstRow> earlier = new HashMap<>();
        transactions.executeWrite(status -> {
            imports.lockImports();
            forEachChunk(caller, csv, options, texts, chunk -> {
                List<RowResult> results = process(caller, chunk, earlier, mode, true, texts);
                sink.accept(results);
                return results;
            }, tally, progress);
            return null;
        });
    }

    /**
     * The chunk's rows in file order. A row that enters an application waits in a batch, written
     * before the next row that transcribes a decision (so file numbers follow the file) and at the
     * end; a later row that duplicates a waiting one names it once it is written. Batched outside an
     * atomic import, a row that transcribes a decision ends the run: the answer is shorter than the
     * chunk, and the caller writes that row on its own.
     */
    private List<RowResult> process(Caller caller, List<ImportRow> chunk, Map<String, FirstRow> earlier, Mode mode,
                                    boolean atomic, ImportTexts texts) {
        Map<Integer, ExistingApplication> stored = mode == Mode.ROW_BY_ROW ? Map.of()
                : batches.storedDuplicates(chunk.stream().filter(ImportRow::isValid).toList());
        List<Outcome> outcomes = new ArrayList<>(chunk.size());
        List<Pending> pending = new ArrayList<>();
        for (ImportRow row : chunk) {
            Outcome outcome;
            FirstRow first = row.isValid() ? earlier.get(row.duplicateKey()) : null;
            ExistingApplication existing = stored.get(row.source().number());
            if (!row.isValid()) {
                outcome = new Fixed(RowResult.error(row, row.errors()));
            } else if (first != null) {
                outcome = new DuplicateOfRow(row, first);
            } else if (existing != null) {
                outcome = new Fixed(storedDuplicate(row, existing));
            } else if (mode == Mode.CHECK) {
                outcome = new Fixed(RowResult.of(row, RowStatus.VALID, null, null, null));
            } else if (mode == Mode.BATCHED && row.decision() == null) {
                Pending waiting = new Pending(row, new FirstRow(row.source().number()));
                pending.add(waiting);
                outcome = waiting;
            } else if (mode == Mode.BATCHED && !atomic) {
                // the caller writes this row in a transaction of its own, then goes on after it
                break;
            } else {
                flush(caller, pending);
                outcome = new Fixed(writeOne(caller, row, mode, atomic, texts));
            }
            outcomes.add(outcome);
            // a later row with the same key duplicates this one, unless this one failed
            if (outcome instanceof Pending waiting) {
                earlier.putIfAbsent(row.duplicateKey(), waiting.first);
            } else if (row.isValid() && outcome instanceof Fixed fixed && fixed.result.status() != RowStatus.ERROR) {
                earlier.putIfAbsent(row.duplicateKey(), new FirstRow(fixed.result.row(), fixed.result.id(),
                        fixed.result.reference()));
            }
        }
        flush(caller, pending);
        return outcomes.stream().map(Outcome::result).toList();
    }

    /** Writes the waiting rows' applications as one batch; any failure fails the chunk ({@link BatchFailed}). */
    private void flush(Caller caller, List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<ApplicationView> created;
        try {
            created = applications.importAll(caller, pending.stream()
                    .map(waiting -> new ImportedApplication(waiting.row.command(), waiting.row.target() != Status.DRAFT))
                    .toList());
        } catch (RuntimeException e) {
            if (UnexpectedErrorHandler.databaseUnreachable(e)) {
                throw e;
            }
            throw new BatchFailed(e);
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).first.created(created.get(i).id(), created.get(i).reference());
        }
        pending.clear();
    }

    /**
     * One row written on its own: in a transaction of its own after the import lock, or as part of
     * the atomic import, which a failure ends ({@link RowFailed}).
     */
    private RowResult writeOne(Caller caller, ImportRow row, Mode mode, boolean atomic, ImportTexts texts) {
        try {
            if (atomic) {
                return mode == Mode.ROW_BY_ROW ? storedDuplicate(row).orElseGet(() -> write(caller, row)) : write(caller, row);
            }
            return transactions.executeWrite(status -> {
                imports.lockImports();
                return storedDuplicate(row).orElseGet(() -> write(caller, row));
            });
        } catch (RegistryException e) {
            if (atomic) {
                throw new RowFailed(row, inColumns(e, texts));
            }
            return RowResult.error(row, inColumns(e, texts));
        } catch (RowFailed e) {
            throw e;
        } catch (RuntimeException e) {
            if (atomic) {
                throw new RowFailed(row, unexpected(row, e, texts));
            }
            return RowResult.error(row, unexpected(row, e, texts));
        }
    }

    /** The application, then its submission and decision where the row asks for them. */
    private RowResult write(Caller caller, ImportRow row) {
        ApplicationView view = applications.importApplication(caller, row.command());
        if (row.target() != Status.DRAFT) {
            view = applications.submit(caller, view.id(), view.version());
        }
        if (row.decision() != null) {
            view = decisions.transcribe(caller, view.id(), view.version(), row.decision());
        }
        return RowResult.of(row, RowStatus.CREATED, view.id(), view.reference(), null);
    }

    private java.util.Optional<RowResult> storedDuplicate(ImportRow row) {
        return imports.findDuplicate(row.ownerState(), row.startDate(), row.title().strip())
                .map(existing -> storedDuplicate(row, existing));
    }

    private static RowResult storedDuplicate(ImportRow row, ExistingApplication existing) {
        return RowResult.of(row, RowStatus.DUPLICATE, existing.id(), existing.reference(),
                "same owner state, title and start date as " + existing.reference());
    }

    /** The first row of the file with a duplicate key; its application's id and file number once it is written. */
    static final class FirstRow {

        private final int row;
        private @Nullable Long id;
        private @Nullable String reference;

        FirstRow(int row) {
            this.row = row;
        }

        FirstRow(int row, @Nullable Long id, @Nullable String reference) {
            this.row = row;
            this.id = id;
            this.reference = reference;
        }

        void created(long createdId, String createdReference) {
            this.id = createdId;
            this.reference = createdReference;
        }
    }

    /** What became of a row, known at once or once its batch is written. */
    private sealed interface Outcome permits Fixed, Pending, DuplicateOfRow {
        RowResult result();
    }

    private record Fixed(RowResult result) implements Outcome {
    }

    private record Pending(ImportRow row, FirstRow first) implements Outcome {
        @Override
        public RowResult result() {
            return RowResult.of(row, RowStatus.CREATED, first.id, first.reference, null);
        }
    }

    private record DuplicateOfRow(ImportRow row, FirstRow first) implements Outcome {
        @Override
        public RowResult result() {
            return RowResult.of(row, RowStatus.DUPLICATE, first.id, first.reference,
                    "same owner state, title and start date as row " + first.row + " of this file"
                            + (first.reference == null ? "" : " (" + first.reference + ")"));
        }
    }

    /** The earlier rows of the file, with a chunk's own additions kept apart until the chunk commits. */
    private static final class Layered extends HashMap<String, FirstRow> {

        private final Map<String, FirstRow> committed;
        private final Map<String, FirstRow> added;

        Layered(Map<String, FirstRow> committed, Map<String, FirstRow> added) {
            this.committed = committed;
            this.added = added;
        }

        @Override
        public FirstRow get(Object key) {
            FirstRow first = committed.get(key);
            return first != null ? first : added.get(key);
        }

        @Override
        public FirstRow putIfAbsent(String key, FirstRow value) {
            return committed.containsKey(key) ? committed.get(key) : added.putIfAbsent(key, value);
        }
    }

    /** Ends a chunk's (or an atomic import's) transaction with a rollback: its batch failed. */
    private static final class BatchFailed extends RuntimeException {
        BatchFailed(RuntimeException cause) {
            super("an import batch failed", cause, false, false);
        }
    }

    /** Ends the atomic import's transaction with a rollback, carrying the row that caused it. */
    private static final class RowFailed extends RuntimeException {

        private final transient ImportRow row;
        private final transient List<FieldError> errors;

        RowFailed(ImportRow row, List<FieldError> errors) {
            super("row " + row.source().number() + " failed", null, false, false);
            this.row = row;
            this.errors = errors;
        }
    }

    /** The counts of a run and its rejected rows (for the log), kept as the chunks go by. */
    private static final class Tally {

        private int rows;
        private int created;
        private int duplicate;
        private int failed;
        private int valid;
        private final List<Rejected> rejected = new ArrayList<>();

        void add(List<ImportRow> chunk, List<RowResult> results, ObjectMapper json) {
            for (int i = 0; i < results.size(); i++) {
                RowResult result = results.get(i);
                rows++;
                switch (result.status()) {
                    case CREATED -> created++;
                    case DUPLICATE -> duplicate++;
                    case VALID -> valid++;
                    case ERROR -> {
                        failed++;
                        ImportRow row = chunk.get(i);
                        rejected.add(new Rejected(result.row(), result.line(), stored(row.title()), row.ownerState(),
                                row.missing().isEmpty() ? null : row.missing().stream().map(ImportColumn::header)
                                        .collect(Collectors.joining(", ")), write(json, result.errors())));
                    }
                }
            }
        }

        void addAll(Tally other) {
            rows += other.rows;
            created += other.created;
            duplicate += other.duplicate;
            failed += other.failed;
            valid += other.valid;
            rejected.addAll(other.rejected);
        }

        ImportResult.Counts counts() {
            return new ImportResult.Counts(rows, created, duplicate, failed, valid);
        }
    }

    private record Rejected(int row, long line, @Nullable String title,
                            @Nullable StateCode ownerState,
                            @Nullable String missingColumns, String errors) {
    }

    /** The unknown columns, which are ignored; a missing required column or a known one twice refuses the file. */
    private static List<String> checkHeader(List<String> header) {
        List<FieldError> errors = new ArrayList<>();
        for (ImportColumn column : ImportColumn.requiredInHeaderColumns()) {
            if (!header.contains(column.header())) {
                errors.add(new FieldError(column.header(), RuleCode.IMPORT_HEADER_MISSING));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        header.stream().filter(ImportColumn::isKnown).filter(name -> !seen.add(name)).distinct().forEach(name ->
                errors.add(new FieldError(name, RuleCode.IMPORT_HEADER_DUPLICATE)));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return header.stream().filter(name -> !name.isEmpty() && !ImportColumn.isKnown(name)).distinct().toList();
    }

    /**
     * The row's error for a failure nobody foresaw (its transaction is rolled back). A database out
     * of reach is no row's fault: it stops the import, which then answers 503 like any request.
     */
    private static List<FieldError> unexpected(ImportRow row, RuntimeException e, ImportTexts texts) {
        if (UnexpectedErrorHandler.databaseUnreachable(e)) {
            throw e;
        }
        LOG.error("Import row {} (line {}) failed unexpectedly", row.source().number(), row.source().line(), e);
        return List.of(texts.rule(new FieldError("row", RuleCode.IMPORT_ROW_FAILED)));
    }

    /** A refusal raised while writing, with the rules' field names turned into the file's column names. */
    private static List<FieldError> inColumns(RegistryException e, ImportTexts texts) {
        if (e.errors().isEmpty()) {
            return List.of(texts.rule(new FieldError("row", RuleCode.IMPORT_ROW_REFUSED, e.getMessage())));
        }
        return e.errors().stream().map(error -> texts.rule(ImportColumn.inColumns(error))).toList();
    }

    /** Logs a run that stopped half-way with the rows done so far; a failure to log does not hide why it stopped. */
    private void logAfterFailure(Caller caller, boolean atomic, Tally tally, RuntimeException failure) {
        try {
            log(caller, atomic, tally);
        } catch (RuntimeException logFailure) {
            failure.addSuppressed(logFailure);
        }
    }

    /** The run and its rejected rows, in a transaction of their own, for the data-quality findings. */
    private Long log(Caller caller, boolean atomic, Tally tally) {
        ImportResult.Counts counts = tally.counts();
        return transactions.executeWrite(status -> {
            ImportRun run = imports.save(new ImportRun(null, caller.username(), caller.role(), caller.state(),
                    clock.instant(), atomic, counts.rows(), counts.created(), counts.duplicate(), counts.failed()));
            List<RejectedRow> rejected = tally.rejected.stream().map(row -> new RejectedRow(null, run.id(),
                    caller.stateScope().orElse(null), row.row(), row.line(), row.title(), row.ownerState(),
                    row.missingColumns(), row.errors())).toList();
            if (!rejected.isEmpty()) {
                rejectedRows.saveAll(rejected);
            }
            return run.id();
        });
    }

    private static @Nullable String stored(@Nullable String title) {
        return title == null || title.length() <= TITLE_STORED_MAX ? title : title.substring(0, TITLE_STORED_MAX);
    }

    static String write(ObjectMapper json, List<FieldError> errors) {
        try {
            return json.writeValueAsString(ERRORS, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
