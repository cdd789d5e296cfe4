package de.foerderregister.importing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to an import: how the file was read, the counts, and every data row.
 * {@code importId} names the logged run; dry runs are not logged.
 */
@Serdeable
public record ImportResult(@Nullable Long importId, boolean dryRun, boolean atomic, String encoding, String delimiter,
                           List<String> ignoredColumns, Counts counts, List<RowResult> rows) {

    @Serdeable
    public record Counts(int rows, int created, int duplicate, int failed, int valid) {

        static Counts of(List<RowResult> rows) {
            return new Counts(rows.size(), count(rows, RowStatus.CREATED), count(rows, RowStatus.DUPLICATE),
                    count(rows, RowStatus.ERROR), count(rows, RowStatus.VALID));
        }

        private static int count(List<RowResult> rows, RowStatus status) {
            return (int) rows.stream().filter(row -> row.status() == status).count();
        }
    }

    /** Whether every row is good: an atomic import then writes, otherwise it answers 422. */
    public boolean hasErrors() {
        return counts.failed() > 0;
    }
}
