package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment request of an approved application against one year of it, and what became of it.
 * Each move goes through {@link PaymentStatus#moveTo}, so a refused move changes nothing.
 */
@MappedEntity("payment")
@Serdeable
public record Payment(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        Integer year,
        BigDecimal amount,
        String purpose,
        PaymentStatus status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String releasedBy,
        @Nullable Instant releasedAt,
        @Nullable LocalDate paidOn,
        @Nullable String bookingReference,
        @Nullable String paidBy,
        @Nullable Instant paidAt,
        @Nullable String closedReason,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        @Version @Nullable Long version) {

    static Payment requested(long applicationId, int year, BigDecimal amount, String purpose, String by, Instant at) {
        return new Payment(null, applicationId, year, amount, purpose, PaymentStatus.REQUESTED, by, at,
                null, null, null, null, null, null, null, null, null, null);
    }

    Payment released(String by, Instant at) {
        return new Payment(id, applicationId, year, amount, purpose, status.moveTo(PaymentStatus.RELEASED), requestedBy,
                requestedAt, by, at, paidOn, bookingReference, paidBy, paidAt, closedReason, closedBy, closedAt, version);
    }

    Payment paid(LocalDate on, String reference, String by, Instant at) {
        return new Payment(id, applicationId, year, amount, purpose, status.moveTo(PaymentStatus.PAID), requestedBy,
                requestedAt, releasedBy, releasedAt, on, reference, by, at, closedReason, closedBy, closedAt, version);
    }

    /** Rejected or cancelled, with the reason. */
    Payment closed(PaymentStatus next, String reason, String by, Instant at) {
        return new Payment(id, applicationId, year, amount, purpose, status.moveTo(next), requestedBy, requestedAt,
                releasedBy, releasedAt, paidOn, bookingReference, paidBy, paidAt, reason, by, at, version);
    }
}
