package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An import job as its importer sees it: where it stands ({@code rowsDone} of {@code rowsTotal}),
 * and once it stopped the same result as a synchronous import, whose {@code rows} are one page
 * ({@code page}, {@code size}) of the {@code storedRows} row outcomes, in file order. A failed job's
 * {@code failure} gives the reason's rule code and its text in the reader's language.
 */
@Serdeable
public record ImportJobView(long id, ImportJobStatus status, int rowsDone, int rowsTotal, Instant startedAt,
                            @Nullable Instant finishedAt, @Nullable FieldError failure, int page, int size, long storedRows,
                            @Nullable ImportResult result) {
}
