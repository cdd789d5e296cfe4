package de.foerderregister.decision;

import de.foerderregister.application.ApplicationView;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to an amendment or its review: the ledger line and the application after it. */
@Serdeable
public record AmendmentOutcome(AmendmentView amendment, ApplicationView application) {
}
