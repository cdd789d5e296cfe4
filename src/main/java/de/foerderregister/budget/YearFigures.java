package de.foerderregister.budget;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * One year of an application's money: its approved share, what payments claim of it (requested +
 * released + paid), what was paid and repaid, and what may still be requested:
 * {@code remaining = approved − claimed + repaid}.
 */
@Serdeable
public record YearFigures(int year, BigDecimal approved, BigDecimal claimed, BigDecimal paid, BigDecimal repaid,
                          BigDecimal remaining) {

    static YearFigures of(int year, BigDecimal approved, YearClaims claims) {
        return new YearFigures(year, approved, claims.claimed(), claims.paid(), claims.repaid(),
                approved.subtract(claims.held()));
    }

    /** What payments hold of the year: claimed less repaid. */
    public BigDecimal held() {
        return claimed.subtract(repaid);
    }

    /** What was paid for the year and has not come back: the most a repayment can be. */
    public BigDecimal netPaid() {
        return paid.subtract(repaid);
    }
}
