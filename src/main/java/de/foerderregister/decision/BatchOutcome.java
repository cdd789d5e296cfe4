package de.foerderregister.decision;

import de.foerderregister.application.ApplicationView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answer to a meeting batch: its id and every application as decided, in the order of the items. */
@Serdeable
public record BatchOutcome(long batchId, List<ApplicationView> applications) {
}
