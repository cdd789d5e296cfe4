package de.foerderregister.importing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** One stored row outcome of a job, its errors still as JSON. */
@Introspected
record ImportJobRow(int fileRow, long lineNumber, RowStatus status, @Nullable Long applicationId,
                    @Nullable String reference, @Nullable String title, @Nullable String note, String errors) {
}
