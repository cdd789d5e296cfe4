package de.foerderregister.obligation;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Introspected;

import java.time.LocalDate;

/** An obligation with the application it belongs to, as the lists show it. */
@Introspected
record ObligationRow(long id, long applicationId, String reference, String title, StateCode ownerState,
                     ObligationKind kind, int periodYear, LocalDate dueDate, ObligationStatus status) {
}
