package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.PayloadTooLarge;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.system.WorkSlots;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.server.HttpServerConfiguration;

import java.time.Duration;

/**
 * How large an import file may be ({@code registry.imports.max-size}, 20 MB by default: about
 * 100 000 rows), checked while the upload is read; above which size it runs as a job
 * ({@code registry.imports.async-above}, 1 MB: every file that was answered at once before still
 * is), which is also the largest atomic import, since one holds the audit chain and the kept totals
 * in a single transaction until it commits; how many rows one transaction writes
 * ({@code registry.imports.chunk-rows}); and how many imports run at once
 * ({@code registry.imports.max-concurrent} on the instance, one per user). The
 * server's own {@code micronaut.server.max-request-size} applies to every route, so it must let
 * such a file through: a registry whose settings do not fit refuses to start, instead of answering
 * imports with the server's generic 413.
 */
@Context
public class ImportLimits {

    private final long maxSize;
    private final long asyncAbove;
    private final int chunkRows;
    private final WorkSlots running;

    public ImportLimits(@Value("${registry.imports.max-size:20MB}") @ReadableBytes long maxSize,
                        @Value("${registry.imports.async-above:1MB}") @ReadableBytes long asyncAbove,
                        @Value("${registry.imports.chunk-rows:1000}") int chunkRows,
                        @Value("${registry.imports.max-concurrent:2}") int maxConcurrent,
                        HttpServerConfiguration server) {
        if (maxSize <= 0 || chunkRows <= 0 || maxConcurrent <= 0) {
            throw new ConfigurationException(
                    "registry.imports.max-size, registry.imports.chunk-rows and registry.imports.max-concurrent must be positive");
        }
        if (server.getMaxRequestSize() < maxSize) {
            throw new ConfigurationException("micronaut.server.max-request-size (" + server.getMaxRequestSize()
                    + " bytes) must be at least registry.imports.max-size (" + maxSize + " bytes)");
        }
        this.maxSize = maxSize;
        this.asyncAbove = asyncAbove;
        this.chunkRows = chunkRows;
        this.running = new WorkSlots(maxConcurrent, new WorkSlots.Refusal("import", "body", RuleCode.IMPORT_RUNNING,
                RuleCode.IMPORT_ALL_SLOTS_TAKEN, Duration.ofSeconds(10)));
    }

    long maxSize() {
        return maxSize;
    }

    long asyncAbove() {
        return asyncAbove;
    }

    int chunkRows() {
        return chunkRows;
    }

    /** A slot for the caller's import, taken before the file is received; closed when the import ends, however it ends. */
    WorkSlots.Slot takeSlot(Caller caller) {
        return running.take(caller.username());
    }

    /** An atomic import above {@code asyncAbove}: its one transaction would block every audited write for minutes. */
    static PayloadTooLarge atomicTooLarge(long asyncAbove) {
        return new PayloadTooLarge("An atomic import may be at most " + asyncAbove
                + " bytes; import a larger file without atomic=true, or split it.",
                new FieldError("atomic", RuleCode.IMPORT_ATOMIC_TOO_LARGE, asyncAbove));
    }
}
