package de.foerderregister.decision;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;
import java.time.Instant;

/** An amendment awaiting its second pair of eyes, with the application it changes. */
@Introspected
public record PendingAmendment(long id, long applicationId, String reference, String title, BigDecimal grossAmount,
                               String recordedBy, Instant recordedAt) {
}
