package de.foerderregister.application;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The registry's one rule for amounts: euros with exactly two decimals, rounded half-up where rounding is due. */
public final class Money {

    /** Exclusive upper bound of any amount: 10^12 EUR, which DECIMAL(15,2) holds. */
    public static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private Money() {
    }

    /** Whether the amount is written with at most two decimals (1.5 and 1.50 are fine, 1.505 is not). */
    public static boolean hasCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }

    /** The amount with exactly two decimals; the caller has checked {@link #hasCents}. */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Rounds a computed amount to the cent, half-up: the registry's only rounding rule. */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
