package de.foerderregister.importing;

import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One upload that wrote (or tried to write): who, when, and how its rows fared. Dry runs leave none. */
@MappedEntity("import_run")
record ImportRun(
        @Id @GeneratedValue @Nullable Long id,
        String importedBy,
        Role importerRole,
        @Nullable StateCode importerState,
        Instant importedAt,
        boolean atomic,
        int rowsTotal,
        int rowsCreated,
        int rowsDuplicate,
        int rowsFailed) {
}
