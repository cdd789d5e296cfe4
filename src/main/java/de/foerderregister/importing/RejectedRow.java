package de.foerderregister.importing;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row an import run refused, kept with its errors (JSON) and the required columns it left empty. */
@MappedEntity("import_rejected_row")
record RejectedRow(
        @Id @GeneratedValue @Nullable Long id,
        long runId,
        int fileRow,
        long lineNumber,
        @Nullable String title,
        @Nullable StateCode ownerState,
        @Nullable String missingColumns,
        String errors) {
}
