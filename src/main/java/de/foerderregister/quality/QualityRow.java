package de.foerderregister.quality;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An application a check found, with the values its reason quotes: a day, an amount and the
 * amount it was compared with, or other applications' references.
 */
@Introspected
record QualityRow(long id, String reference, String title, @Nullable LocalDate day, @Nullable BigDecimal amount,
                  @Nullable BigDecimal compared, @Nullable String others) {
}
