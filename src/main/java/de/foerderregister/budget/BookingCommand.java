package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** {@code POST …/payments/{pid}/paid}: the day the money left and finance's booking reference for it. */
@Serdeable
public record BookingCommand(@Nullable LocalDate paidOn, @Nullable String bookingReference) {
}
