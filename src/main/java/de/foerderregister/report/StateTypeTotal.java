package de.foerderregister.report;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.Money;
import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One owner state × type row of a budget summary; {@code open} is approved − paid. */
@Serdeable
@Introspected
public record StateTypeTotal(StateCode ownerState, ApplicationType type, long count, BigDecimal requested,
                             BigDecimal approved, BigDecimal paid, BigDecimal open) {

    /** Amounts always carry two decimals, so 0 leaves as 0.00; more decimals would be a bug, not rounded away. */
    public StateTypeTotal {
        requested = Money.exact(requested);
        approved = Money.exact(approved);
        paid = Money.exact(paid);
        open = Money.exact(open);
    }

    @Creator
    public StateTypeTotal(StateCode ownerState, ApplicationType type, long count, BigDecimal requested,
                          BigDecimal approved, BigDecimal paid) {
        this(ownerState, type, count, requested, approved, paid, approved.subtract(paid));
    }
}
