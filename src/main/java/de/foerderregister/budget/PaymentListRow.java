package de.foerderregister.budget;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment in a work list, with the application it belongs to: what a clerk needs to act on it. */
@Introspected
@Serdeable
public record PaymentListRow(
        long id,
        long applicationId,
        String reference,
        String title,
        StateCode ownerState,
        FundingSource fundingSource,
        int year,
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
        long version) {
}
