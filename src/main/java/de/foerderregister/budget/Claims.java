package de.foerderregister.budget;

import de.foerderregister.application.Money;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an application's payments hold of each year ({@link YearClaims}). Summed here from the
 * rows, once, for the rules (locked) and for the reads (a snapshot) alike.
 */
@Singleton
public class Claims {

    private final PaymentRepository payments;
    private final RepaymentRepository repayments;

    Claims(PaymentRepository payments, RepaymentRepository repayments) {
        this.payments = payments;
        this.repayments = repayments;
    }

    /** The claims per year with every committed payment and repayment in them; the caller holds the application's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SortedMap<Integer, YearClaims> byYear(long applicationId) {
        return sum(payments.lockedByApplication(applicationId), repayments.lockedByApplication(applicationId));
    }

    /** The claims per year of these payments and repayments (of one application). */
    public static SortedMap<Integer, YearClaims> sum(Collection<Payment> payments, Collection<Repayment> repayments) {
        BigDecimal none = Money.exact(BigDecimal.ZERO);
        SortedMap<Integer, YearClaims> byYear = new TreeMap<>();
        payments.forEach(payment -> byYear.merge(payment.year(), new YearClaims(payment.year(),
                payment.status().holdsClaim() ? payment.amount() : none,
                payment.status() == PaymentStatus.PAID ? payment.amount() : none, none), Claims::add));
        repayments.forEach(repayment -> byYear.merge(repayment.year(),
                new YearClaims(repayment.year(), none, none, repayment.amount()), Claims::add));
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
