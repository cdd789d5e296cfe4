package de.foerderregister.budget;

import de.foerderregister.application.Money;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * An application's money over all its years, as {@link YearFigures}: {@code approved} is the current
 * approved amount and {@code remaining} what the state may still request in all.
 */
@Serdeable
public record TotalFigures(BigDecimal approved, BigDecimal claimed, BigDecimal paid, BigDecimal repaid,
                           BigDecimal remaining) {

    static TotalFigures of(BigDecimal approved, List<YearFigures> years) {
        BigDecimal claimed = sum(years, YearFigures::claimed);
        BigDecimal repaid = sum(years, YearFigures::repaid);
        return new TotalFigures(approved, claimed, sum(years, YearFigures::paid), repaid,
                approved.subtract(claimed).add(repaid));
    }

    /** What payments hold of the approval: claimed less repaid. */
    public BigDecimal held() {
        return claimed.subtract(repaid);
    }

    private static BigDecimal sum(List<YearFigures> years, Function<YearFigures, BigDecimal> figure) {
        return years.stream().map(figure).reduce(Money.exact(BigDecimal.ZERO), BigDecimal::add);
    }
}
