package de.foerderregister.importing;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row an import run refused, kept with its errors (JSON) and the required columns it left empty.
 * {@code importerState} is the uploading user's state (null for FITKO): the row belongs to that
 * state's findings, whatever owner state the row itself claims.
 */
@MappedEntity("import_rejected_row")
record RejectedRow(
        @Id @GeneratedValue @Nullable Long id,
        long runId,
        @Nullable StateCode importerState,
        int fileRow,
        long lineNumber,
        @Nullable String title,
        @Nullable StateCode ownerState,
        @Nullable String missingColumns,
        String errors) {
}
