package de.foerderregister.budget;

import de.foerderregister.application.FundingApplication;
import de.foerderregister.application.Money;
import de.foerderregister.application.YearAllocations;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one rule between an approval and the payments against it: what payments hold (requested +
 * released + paid, less repaid) never exceeds the approved amount, nor in any year that year's
 * approved share. Every method reads under the application's lock, which the caller holds, so
 * parallel requests queue up and cannot together overshoot.
 */
@Singleton
public class PaymentLimits {

    private final YearAllocations allocations;
    private final Claims claims;

    PaymentLimits(YearAllocations allocations, Claims claims) {
        this.allocations = allocations;
        this.claims = claims;
    }

    /**
     * After a change of the approved amount or its split (an amendment taking effect, a
     * carry-over): refuses with 409 when the new amount, or a year's new share, is below what
     * payments hold of it. The caller holds the application's lock and has written the change; the
     * refusal rolls it back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireCovered(long applicationId) {
        List<YearFigures> years = lockedFigures(applicationId);
        TotalFigures total = TotalFigures.of(sum(years), years);
        List<FieldError> errors = new ArrayList<>();
        if (total.remaining().signum() < 0) {
            errors.add(new FieldError("newApprovedAmount", RuleCode.AMENDMENT_BELOW_CLAIMS,
                    total.approved().toPlainString(), total.held().toPlainString()));
        }
        years.stream().filter(year -> year.remaining().signum() < 0).forEach(year -> errors.add(new FieldError(
                "newApprovedAmount", RuleCode.AMENDMENT_YEAR_BELOW_CLAIMS, year.year(),
                year.approved().toPlainString(), year.held().toPlainString())));
        if (!errors.isEmpty()) {
            throw new BudgetConflict("Application " + applicationId + ": payments already hold more than the changed"
                    + " approval leaves; reject or cancel open payments first, or record a repayment.", errors);
        }
    }

    /** Refuses a payment request beyond what the approval or the year's share leaves (409), or for a year outside the runtime (422). */
    @Transactional(Transactional.TxType.MANDATORY)
    void requireRoom(FundingApplication application, int year, BigDecimal amount) {
        List<YearFigures> years = lockedFigures(application.id());
        YearFigures ofYear = yearOf(years, year);
        TotalFigures total = TotalFigures.of(application.approvedAmount(), years);
        List<FieldError> errors = new ArrayList<>();
        if (amount.compareTo(total.remaining()) > 0) {
            errors.add(new FieldError("amount", RuleCode.PAYMENT_ABOVE_APPROVED, total.approved().toPlainString(),
                    total.held().toPlainString(), total.remaining().toPlainString()));
        }
        if (amount.compareTo(ofYear.remaining()) > 0) {
            errors.add(new FieldError("amount", RuleCode.PAYMENT_ABOVE_YEAR_SHARE, year,
                    ofYear.approved().toPlainString(), ofYear.held().toPlainString(), ofYear.remaining().toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw new BudgetConflict("A payment of " + amount.toPlainString() + " for " + year + " exceeds what the"
                    + " approval of application " + application.id() + " leaves: " + ofYear.remaining().toPlainString()
                    + " for " + year + ", " + total.remaining().toPlainString() + " in all.", errors);
        }
    }

    /** Refuses a repayment beyond what was paid for the year and has not come back yet (409). */
    @Transactional(Transactional.TxType.MANDATORY)
    void requireRepayable(FundingApplication application, int year, BigDecimal amount) {
        YearFigures ofYear = yearOf(lockedFigures(application.id()), year);
        BigDecimal netPaid = ofYear.netPaid();
        if (amount.compareTo(netPaid) > 0) {
            throw new BudgetConflict("A repayment of " + amount.toPlainString() + " for " + year + " exceeds the "
                    + netPaid.toPlainString() + " paid and not yet repaid for application " + application.id() + ".",
                    List.of(new FieldError("amount", RuleCode.REPAYMENT_ABOVE_PAID, year, ofYear.paid().toPlainString(),
                            ofYear.repaid().toPlainString(), netPaid.toPlainString())));
        }
    }

    /** The figures of each year of the application from its approved shares and its payments' claims. */
    static List<YearFigures> figures(SortedMap<Integer, BigDecimal> shares, SortedMap<Integer, YearClaims> claimsByYear) {
        SortedSet<Integer> years = new TreeSet<>(shares.keySet());
        years.addAll(claimsByYear.keySet());
        return years.stream().map(year -> YearFigures.of(year,
                shares.getOrDefault(year, Money.exact(BigDecimal.ZERO)), Claims.of(claimsByYear, year))).toList();
    }

    private List<YearFigures> lockedFigures(long applicationId) {
        return figures(allocations.approvedShares(applicationId), claims.byYear(applicationId));
    }

    /** The year's figures; a year outside the application's runtime is refused (422). */
    private static YearFigures yearOf(List<YearFigures> years, int year) {
        return years.stream().filter(figures -> figures.year() == year).findFirst().orElseThrow(() -> InvalidInput.of(
                "year", RuleCode.PLAN_YEAR_RUNTIME, years.isEmpty() ? "" : years.get(0).year(),
                years.isEmpty() ? "" : years.get(years.size() - 1).year()));
    }

    private static BigDecimal sum(List<YearFigures> years) {
        return years.stream().map(YearFigures::approved).reduce(Money.exact(BigDecimal.ZERO), BigDecimal::add);
    }
}
