package de.foerderregister.budget;

import de.foerderregister.application.Money;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What an application's payments hold of each year ({@link YearClaims}); the caller holds the application's lock. */
@Singleton
public class Claims {

    private final ClaimRepository claims;

    public Claims(ClaimRepository claims) {
        this.claims = claims;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public SortedMap<Integer, YearClaims> byYear(long applicationId) {
        SortedMap<Integer, YearClaims> byYear = new TreeMap<>();
        claims.payments(applicationId).forEach(row -> byYear.merge(row.year(), row, Claims::add));
        claims.repayments(applicationId).forEach(row -> byYear.merge(row.year(), row, Claims::add));
        return Collections.unmodifiableSortedMap(byYear);
    }

    /** The claims of one year; none where the year has no payment. */
    public static YearClaims of(SortedMap<Integer, YearClaims> byYear, int year) {
        BigDecimal none = Money.exact(BigDecimal.ZERO);
        return byYear.getOrDefault(year, new YearClaims(year, none, none, none));
    }

    private static YearClaims add(YearClaims one, YearClaims other) {
        return new YearClaims(one.year(), one.claimed().add(other.claimed()), one.paid().add(other.paid()),
                one.repaid().add(other.repaid()));
    }
}
