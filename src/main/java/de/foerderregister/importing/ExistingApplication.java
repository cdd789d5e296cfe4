package de.foerderregister.importing;

import io.micronaut.core.annotation.Introspected;

/** An application already in the registry that an import row duplicates. */
@Introspected
record ExistingApplication(long id, String reference) {
}
