package de.foerderregister.importing;

import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An import running (or run) in the background: who started it, its progress and, once done, its
 * counts and the logged run. {@code ignoredColumns} is a JSON array; {@code heartbeatAt} moves with
 * every chunk and every 30 seconds while its instance runs it, so a job whose instance stopped can be told from one that is still working.
 */
@MappedEntity("import_job")
record ImportJob(
        @Id @GeneratedValue @Nullable Long id,
        String importedBy,
        Role importerRole,
        @Nullable StateCode importerState,
        boolean atomic,
        boolean dryRun,
        ImportJobStatus status,
        int rowsTotal,
        int rowsDone,
        int rowsCreated,
        int rowsDuplicate,
        int rowsFailed,
        int rowsValid,
        String encoding,
        String delimiterChar,
        String ignoredColumns,
        @Nullable Long runId,
        @Nullable String failure,
        Instant startedAt,
        Instant heartbeatAt,
        @Nullable Instant finishedAt) {
}
