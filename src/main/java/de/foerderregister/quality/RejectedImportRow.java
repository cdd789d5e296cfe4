package de.foerderregister.quality;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A row an import rejected for missing fields. */
@Introspected
record RejectedImportRow(long runId, int fileRow, @Nullable String title, String missingColumns, String importedBy,
                         Instant importedAt) {
}
