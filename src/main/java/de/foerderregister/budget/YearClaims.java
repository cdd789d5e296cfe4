package de.foerderregister.budget;

import java.math.BigDecimal;

/**
 * What an application's payments hold of one year: {@code claimed} is requested + released + paid
 * (the money no longer free to request, carry over or amend away), {@code paid} what was paid out,
 * {@code repaid} what came back. Claims net of repayments never exceed the year's approved share.
 */
public record YearClaims(int year, BigDecimal claimed, BigDecimal paid, BigDecimal repaid) {

    public BigDecimal held() {
        return claimed.subtract(repaid);
    }

    public BigDecimal netPaid() {
        return paid.subtract(repaid);
    }
}
