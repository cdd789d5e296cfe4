package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.Money;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One funding source (budget) row of a budget summary; {@code open} is approved − paid. */
@Serdeable
@Introspected
public record SourceTotal(FundingSource fundingSource, long count, BigDecimal requested, BigDecimal approved,
                          BigDecimal paid, BigDecimal open) {

    /** Amounts always carry two decimals, so 0 leaves as 0.00; more decimals would be a bug, not rounded away. */
    public SourceTotal {
        requested = Money.exact(requested);
        approved = Money.exact(approved);
        paid = Money.exact(paid);
        open = Money.exact(open);
    }

    @Creator
    public SourceTotal(FundingSource fundingSource, long count, BigDecimal requested, BigDecimal approved, BigDecimal paid) {
        this(fundingSource, count, requested, approved, paid, approved.subtract(paid));
    }
}
