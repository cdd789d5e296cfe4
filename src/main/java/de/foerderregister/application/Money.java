package de.foerderregister.application;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

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

    /**
     * The rules every amount of the registry follows: present, at most two decimals, below
     * {@link #LIMIT}, and greater than zero (or at least zero where {@code positive} is false).
     * Answers the amount with exactly two decimals, or null after recording why it was refused.
     */
    public static @Nullable BigDecimal accept(List<FieldError> errors, String field, @Nullable BigDecimal value,
                                              boolean positive) {
        if (value == null) {
            errors.add(new FieldError(field, RuleCode.REQUIRED));
            return null;
        }
        if (!hasCents(value)) {
            errors.add(new FieldError(field, RuleCode.AMOUNT_SCALE));
            return null;
        }
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            errors.add(new FieldError(field, positive ? RuleCode.AMOUNT_POSITIVE : RuleCode.AMOUNT_NEGATIVE));
            return null;
        }
        if (value.compareTo(LIMIT) >= 0) {
            errors.add(new FieldError(field, RuleCode.AMOUNT_TOO_LARGE));
            return null;
        }
        return exact(value);
    }

    /** Rounds a computed amount to the cent, half-up: the registry's only rounding rule. */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code part} as a percentage of {@code whole}, with one decimal, half-up; {@code whole} is not zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
