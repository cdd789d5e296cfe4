package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /api/applications/{id}/repayments}: money that came back for a year (Rückzahlung). */
@Serdeable
public record RepaymentCommand(@Nullable BigDecimal amount, @Nullable Integer year, @Nullable LocalDate receivedOn,
                               @Nullable String reason) {
}
