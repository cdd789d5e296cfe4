package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** {@code POST /api/applications/{id}/payments}: a request for money of one year of the approval (Mittelabruf). */
@Serdeable
public record PaymentCommand(@Nullable BigDecimal amount, @Nullable Integer year, @Nullable String purpose) {
}
