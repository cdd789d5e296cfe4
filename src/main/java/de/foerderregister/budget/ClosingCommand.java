package de.foerderregister.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST …/payments/{pid}/reject} and {@code …/cancel}: why the payment will not be made. */
@Serdeable
public record ClosingCommand(@Nullable String reason) {
}
