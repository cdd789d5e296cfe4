package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment request of an approved application against one year of it, and what became of it. */
@MappedEntity("payment")
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
}
