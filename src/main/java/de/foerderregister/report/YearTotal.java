package de.foerderregister.report;

import de.foerderregister.application.Money;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * One calendar year of a budget summary: the year's parts of the applications' amounts (see
 * {@link de.foerderregister.application.YearSplit}); {@code count} is the number of applications with a non-zero requested part.
 */
@Serdeable
@Introspected
public record YearTotal(int year, long count, BigDecimal requested, BigDecimal approved) {

    /** Amounts always carry two decimals, so 0 leaves as 0.00; more decimals would be a bug, not rounded away. */
    public YearTotal {
        requested = Money.exact(requested);
        approved = Money.exact(approved);
    }
}
