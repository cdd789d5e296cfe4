package de.foerderregister.importing;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationView;
import de.foerderregister.application.FundingSource;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes in a CSV file of applications. Every row is first read and checked against the
 * registry's rules without writing anything; then, by mode:
 * <ul>
 * <li>default: each good row is written in a transaction of its own, so a bad row never stops a
 *     good one and a row that fails while being written leaves nothing behind;</li>
 * <li>{@code atomic}: all rows in one transaction, and only when no row has an error;</li>
 * <li>{@code dryRun}: nothing is written, the answer says what would happen.</li>
 * </ul>
 * Writing goes through {@link ApplicationService} and {@link DecisionService}, so the rules,
 * the state scope and the audit trail are the same as for the API. A row that fails while being
 * written for a reason nobody foresaw is that row's error, not the file's 500; and every run that
 * wrote (or tried to) is logged, even one that stops half-way because the database went away.
 */
@Singleton
public class ImportService {

    private static final Argument<List<FieldError>> ERRORS = Argument.listOf(FieldError.class);
    private static final int TITLE_STORED_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final ApplicationService applications;
    private final DecisionService decisions;
    private final ImportRepository imports;
    private final RejectedRowRepository rejectedRows;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Messages messages;

    public ImportService(ApplicationService applications, DecisionService decisions, ImportRepository imports,
                         RejectedRowRepository rejectedRows, TransactionOperations<Connection> transactions,
                         ObjectMapper json, Clock clock, Messages messages) {
        this.applications = applications;
        this.decisions = decisions;
        this.imports = imports;
        this.rejectedRows = rejectedRows;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
    }

    public ImportResult importApplications(Caller caller, byte[] file, boolean atomic, boolean dryRun,
                                           @Nullable FundingSource fundingSource, Locale locale) {
        caller.requireRole("import applications", Role.STATE, Role.FITKO);
        CsvFile csv = CsvFile.read(file);
        List<String> ignored = checkHeader(csv.header());
        ImportTexts texts = new ImportTexts(messages, locale);
        FundingSource defaultSource = fundingSource == null ? FundingSource.DIGITALISATION_BUDGET : fundingSource;
        List<ImportRow> rows = csv.rows().stream()
                .map(row -> ImportRow.read(row, defaultSource, caller, decisions, texts)).toList();

        List<RowResult> results = new ArrayList<>();
        try {
            if (dryRun) {
                results.addAll(check(rows));
            } else if (atomic) {
                results.addAll(check(rows));
                if (results.stream().noneMatch(result -> result.status() == RowStatus.ERROR)) {
                    List<RowResult> written = writeAll(caller, rows, texts);
                    results.clear();
                    results.addAll(written);
                }
            } else {
                writeEach(caller, rows, results, texts);
            }
        } catch (RuntimeException e) {
            if (!dryRun) {
                logAfterFailure(caller, atomic, rows, results, e);
            }
            throw e;
        }
        Long runId = dryRun ? null : log(caller, atomic, rows, results);
        return new ImportResult(runId, dryRun, atomic, csv.encoding(), String.valueOf(csv.delimiter()), ignored,
                ImportResult.Counts.of(results), results);
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

    /** What writing would do, without writing: errors, duplicates (of stored applications or earlier rows), or VALID. */
    private List<RowResult> check(List<ImportRow> rows) {
        Map<String, RowResult> earlier = new HashMap<>();
        List<RowResult> results = new ArrayList<>();
        for (ImportRow row : rows) {
            RowResult result = earlierDuplicate(row, earlier)
                    .or(() -> storedDuplicate(row))
                    .orElseGet(() -> row.isValid() ? RowResult.of(row, RowStatus.VALID, null, null, null)
                            : RowResult.error(row, row.errors()));
            remember(row, result, earlier);
            results.add(result);
        }
        return results;
    }

    /** Adds each row's result to {@code results} as soon as the row is done, so a run that stops half-way can be logged. */
    private void writeEach(Caller caller, List<ImportRow> rows, List<RowResult> results, ImportTexts texts) {
        Map<String, RowResult> earlier = new HashMap<>();
        for (ImportRow row : rows) {
            RowResult result = earlierDuplicate(row, earlier).orElseGet(() -> {
                if (!row.isValid()) {
                    return RowResult.error(row, row.errors());
                }
                try {
                    return transactions.executeWrite(status -> {
                        imports.lockImports();
                        return storedDuplicate(row).orElseGet(() -> write(caller, row));
                    });
                } catch (RegistryException e) {
                    return RowResult.error(row, inColumns(e, texts));
                } catch (RuntimeException e) {
                    return RowResult.error(row, unexpected(row, e, texts));
                }
            });
            remember(row, result, earlier);
            results.add(result);
        }
    }

    /** Every row in one transaction; a row that fails while being written rolls back all of them. */
    private List<RowResult> writeAll(Caller caller, List<ImportRow> rows, ImportTexts texts) {
        try {
            return transactions.executeWrite(status -> {
                imports.lockImports();
                Map<String, RowResult> earlier = new HashMap<>();
                List<RowResult> results = new ArrayList<>();
                for (ImportRow row : rows) {
                    RowResult result;
                    try {
                        result = earlierDuplicate(row, earlier).or(() -> storedDuplicate(row))
                                .orElseGet(() -> write(caller, row));
                    } catch (RegistryException e) {
                        throw new RowFailed(row, inColumns(e, texts));
                    } catch (RuntimeException e) {
                        throw new RowFailed(row, unexpected(row, e, texts));
                    }
                    remember(row, result, earlier);
                    results.add(result);
                }
                return results;
            });
        } catch (RowFailed failed) {
            return rows.stream().map(row -> row == failed.row ? RowResult.error(row, failed.errors)
                    : RowResult.of(row, RowStatus.VALID, null, null, null)).toList();
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

    /** Inside the row's transaction: the application, then its submission and decision where the row asks for them. */
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

    private Optional<RowResult> storedDuplicate(ImportRow row) {
        if (!row.isValid()) {
            return Optional.empty();
        }
        return imports.findDuplicate(row.ownerState(), row.startDate(), row.title().strip())
                .map(existing -> RowResult.of(row, RowStatus.DUPLICATE, existing.id(), existing.reference(),
                        "same owner state, title and start date as " + existing.reference()));
    }

    private static Optional<RowResult> earlierDuplicate(ImportRow row, Map<String, RowResult> earlier) {
        if (!row.isValid() || !earlier.containsKey(row.duplicateKey())) {
            return Optional.empty();
        }
        RowResult first = earlier.get(row.duplicateKey());
        return Optional.of(RowResult.of(row, RowStatus.DUPLICATE, first.id(), first.reference(),
                "same owner state, title and start date as row " + first.row() + " of this file"
                        + (first.reference() == null ? "" : " (" + first.reference() + ")")));
    }

    /** A later row with the same key duplicates this one, unless this one failed. */
    private static void remember(ImportRow row, RowResult result, Map<String, RowResult> earlier) {
        if (row.isValid() && result.status() != RowStatus.ERROR) {
            earlier.putIfAbsent(row.duplicateKey(), result);
        }
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
    private void logAfterFailure(Caller caller, boolean atomic, List<ImportRow> rows, List<RowResult> results,
                                 RuntimeException failure) {
        try {
            log(caller, atomic, rows, results);
        } catch (RuntimeException logFailure) {
            failure.addSuppressed(logFailure);
        }
    }

    /**
     * The run and its rejected rows, in a transaction of their own, for the data-quality findings.
     * {@code results} may end before {@code rows} where the run stopped half-way.
     */
    private Long log(Caller caller, boolean atomic, List<ImportRow> rows, List<RowResult> results) {
        ImportResult.Counts counts = ImportResult.Counts.of(results);
        return transactions.executeWrite(status -> {
            ImportRun run = imports.save(new ImportRun(null, caller.username(), caller.role(), caller.state(),
                    clock.instant(), atomic, rows.size(), counts.created(), counts.duplicate(), counts.failed()));
            List<RejectedRow> rejected = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                RowResult result = results.get(i);
                if (result.status() == RowStatus.ERROR) {
                    ImportRow row = rows.get(i);
                    rejected.add(new RejectedRow(null, run.id(), caller.stateScope().orElse(null), result.row(), result.line(), stored(row.title()),
                            row.ownerState(), row.missing().isEmpty() ? null : row.missing().stream()
                            .map(ImportColumn::header).collect(Collectors.joining(", ")), write(result.errors())));
                }
            }
            if (!rejected.isEmpty()) {
                rejectedRows.saveAll(rejected);
            }
            return run.id();
        });
    }

    private static @Nullable String stored(@Nullable String title) {
        return title == null || title.length() <= TITLE_STORED_MAX ? title : title.substring(0, TITLE_STORED_MAX);
    }

    private String write(List<FieldError> errors) {
        try {
            return json.writeValueAsString(ERRORS, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
