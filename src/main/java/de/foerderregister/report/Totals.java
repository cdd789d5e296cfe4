package de.foerderregister.report;

import de.foerderregister.application.Money;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Count and sums of the requested and approved amounts of the selected applications. */
@Serdeable
@Introspected
public record Totals(long count, BigDecimal requested, BigDecimal approved) {

    /** Amounts always carry two decimals, so 0 leaves as 0.00; more decimals would be a bug, not rounded away. */
    public Totals {
        requested = Money.exact(requested);
        approved = Money.exact(approved);
    }
}
