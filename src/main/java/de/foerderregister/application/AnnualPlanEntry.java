package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Planned spending of one calendar year, as clients send and receive it. */
@Serdeable
public record AnnualPlanEntry(@Nullable Integer year, @Nullable BigDecimal amount) {
}
