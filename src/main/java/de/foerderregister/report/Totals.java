package de.foerderregister.report;

import de.foerderregister.application.Money;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * Count and sums of the requested, approved and paid (less repaid) amounts of the selected
 * applications; {@code open} is approved − paid.
 */
@Serdeable
@Introspected
public record Totals(long count, BigDecimal requested, BigDecimal approved, BigDecimal paid, BigDecimal open) {

    /** Amounts always carry two decimals, so 0 leaves as 0.00; more decimals would be a bug, not rounded away. */
    public Totals {
        requested = Money.exact(requested);
        approved = Money.exact(approved);
        paid = Money.exact(paid);
        open = Money.exact(open);
    }

    @Creator
    public Totals(long count, BigDecimal requested, BigDecimal approved, BigDecimal paid) {
        this(count, requested, approved, paid, approved.subtract(paid));
    }
}
