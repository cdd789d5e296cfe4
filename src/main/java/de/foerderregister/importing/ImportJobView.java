package de.foerderregister.importing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An import job as its importer sees it: where it stands ({@code rowsDone} of {@code rowsTotal}),
 * and once it stopped the same result as a synchronous import, whose {@code rows} are one page
 * ({@code page}, {@code size}) of the {@code storedRows} row outcomes, in file order.
 */
@Serdeable
public record ImportJobView(long id, ImportJobStatus status, int rowsDone, int rowsTotal, Instant startedAt,
                            @Nullable Instant finishedAt, @Nullable String failure, int page, int size, long storedRows,
                            @Nullable ImportResult result) {
}
