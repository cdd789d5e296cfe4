package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.Money;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of the Haushaltsübersicht: a funding source in a year, or (with {@code year} null) the
 * source's total. {@code committed} is the APPROVED applications' approved shares, {@code paid} the
 * payments made less repayments, {@code open} = committed − paid. Without an envelope there is
 * nothing to be available or used up: {@code envelope}, {@code available} = envelope − committed
 * and {@code utilisation} = committed / envelope in percent (one decimal, half-up) are then null,
 * and so is the utilisation of an envelope of 0.
 */
@Serdeable
public record BudgetStatusLine(FundingSource fundingSource, @Nullable Integer year, @Nullable BigDecimal envelope,
                               BigDecimal committed, BigDecimal paid, @Nullable BigDecimal available, BigDecimal open,
                               @Nullable BigDecimal utilisation) {

    static BudgetStatusLine of(BudgetStatusSums sums) {
        BigDecimal envelope = sums.envelope() == null ? null : Money.exact(sums.envelope());
        BigDecimal committed = Money.exact(sums.committed());
        BigDecimal paid = Money.exact(sums.paid());
        BigDecimal available = envelope == null ? null : envelope.subtract(committed);
        return new BudgetStatusLine(sums.fundingSource(), sums.year(), envelope, committed, paid, available,
                committed.subtract(paid), utilisation(envelope, available));
    }

    /**
     * The source's total: each amount column summed over its lines, envelope and available over the
     * years that have an envelope (null where none has). The utilisation is the share of those
     * envelopes committed, so a year committed without an envelope does not count against the others.
     */
    static BudgetStatusLine total(FundingSource source, List<BudgetStatusLine> lines) {
        BigDecimal envelope = sum(lines.stream().map(BudgetStatusLine::envelope).filter(Objects::nonNull).toList());
        BigDecimal available = sum(lines.stream().map(BudgetStatusLine::available).filter(Objects::nonNull).toList());
        BigDecimal committed = sum(lines.stream().map(BudgetStatusLine::committed).toList());
        BigDecimal paid = sum(lines.stream().map(BudgetStatusLine::paid).toList());
        return new BudgetStatusLine(source, null, envelope, committed, paid, available, committed.subtract(paid),
                utilisation(envelope, available));
    }

    /** The sum, or null for no amounts at all. */
    private static @Nullable BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.isEmpty() ? null : amounts.stream().reduce(BigDecimal::add).orElseThrow();
    }

    private static @Nullable BigDecimal utilisation(@Nullable BigDecimal envelope, @Nullable BigDecimal available) {
        if (envelope == null || available == null || envelope.signum() == 0) {
            return null;
        }
        return Money.percent(envelope.subtract(available), envelope);
    }
}
