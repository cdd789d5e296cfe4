package de.foerderregister.importing;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.server.HttpServerConfiguration;

/**
 * How large an import file may be ({@code registry.imports.max-size}, 20 MB by default: about
 * 100 000 rows), checked while the upload is read; above which size it runs as a job
 * ({@code registry.imports.async-above}, 1 MB: every file that was answered at once before still
 * is); and how many rows one transaction writes ({@code registry.imports.chunk-rows}). The
 * server's own {@code micronaut.server.max-request-size} applies to every route, so it must let
 * such a file through: a registry whose settings do not fit refuses to start, instead of answering
 * imports with the server's generic 413.
 */
@Context
public class ImportLimits {

    private final long maxSize;
    private final long asyncAbove;
    private final int chunkRows;

    public ImportLimits(@Value("${registry.imports.max-size:20MB}") @ReadableBytes long maxSize,
                        @Value("${registry.imports.async-above:1MB}") @ReadableBytes long asyncAbove,
                        @Value("${registry.imports.chunk-rows:1000}") int chunkRows,
                        HttpServerConfiguration server) {
        if (maxSize <= 0 || chunkRows <= 0) {
            throw new ConfigurationException("registry.imports.max-size and registry.imports.chunk-rows must be positive");
        }
        if (server.getMaxRequestSize() < maxSize) {
            throw new ConfigurationException("micronaut.server.max-request-size (" + server.getMaxRequestSize()
                    + " bytes) must be at least registry.imports.max-size (" + maxSize + " bytes)");
        }
        this.maxSize = maxSize;
        this.asyncAbove = asyncAbove;
        this.chunkRows = chunkRows;
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
}
