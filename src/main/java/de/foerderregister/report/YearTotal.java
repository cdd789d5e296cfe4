package de.foerderregister.report;

import de.foerderregister.application.Money;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * One calendar year of a budget summary: the year's parts of the applications' amounts (see
 * {@link de.foerderregister.application.YearSplit}); {@code count} is the number of applications with a non-zero
 * requested part; {@code paid} what was paid against the year less repayments, {@code open} approved − paid.
 */
@Serdeable
@Introspected
public record YearTotal(int year, long count, BigDecimal requested, BigDecimal approved, BigDecimal paid, BigDecimal open) {

    /** Amounts always carry two decimals, so 0 leaves as 0.00; more decimals would be a bug, not rounded away. */
    public YearTotal {
        requested = Money.exact(requested);
        approved = Money.exact(approved);
        paid = Money.exact(paid);
        open = Money.exact(open);
    }

    @Creator
    public YearTotal(int year, long count, BigDecimal requested, BigDecimal approved, BigDecimal paid) {
        this(year, count, requested, approved, paid, approved.subtract(paid));
    }
}
