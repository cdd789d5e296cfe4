package de.foerderregister.application;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * One row of the budget summary's kept figures ({@code summary_total}), or one application's share of
 * it: year 0 stands for the whole applications, any other year for their year parts. {@code members}
 * says whether the group exists (applications, or year parts), {@code counted} what the summary counts.
 */
@Introspected
public record SummaryRow(StateCode ownerState, ApplicationType type, FundingSource fundingSource, Status status, int year,
                         long members, long counted, BigDecimal requested, BigDecimal approved, BigDecimal paid) {

    /** The year of the rows that hold whole applications. */
    public static final int WHOLE = 0;

    public SummaryKey key() {
        return new SummaryKey(ownerState, type, fundingSource, status, year);
    }

    public SummaryRow plus(SummaryRow other) {
        return new SummaryRow(ownerState, type, fundingSource, status, year, members + other.members,
                counted + other.counted, requested.add(other.requested), approved.add(other.approved), paid.add(other.paid));
    }

    public SummaryRow negated() {
        return new SummaryRow(ownerState, type, fundingSource, status, year, -members, -counted, requested.negate(),
                approved.negate(), paid.negate());
    }

    /** Whether adding this row changes nothing. */
    public boolean isZero() {
        return members == 0 && counted == 0 && requested.signum() == 0 && approved.signum() == 0 && paid.signum() == 0;
    }

    /** Equal figures to the cent, whatever the scale. */
    public boolean sameFigures(SummaryRow other) {
        return negated().plus(other).isZero();
    }

    /** The key of a row; ordered, so that writers lock the rows they change in the same order. */
    public record SummaryKey(StateCode ownerState, ApplicationType type, FundingSource fundingSource, Status status, int year)
            implements Comparable<SummaryKey> {

        @Override
        public int compareTo(SummaryKey other) {
            return Comparator.comparing((SummaryKey key) -> key.ownerState.name())
                    .thenComparing(key -> key.type.name())
                    .thenComparing(key -> key.fundingSource.name())
                    .thenComparing(key -> key.status.name())
                    .thenComparingInt(SummaryKey::year)
                    .compare(this, other);
        }

        public SummaryRow zero() {
            BigDecimal none = new BigDecimal("0.00");
            return new SummaryRow(ownerState, type, fundingSource, status, year, 0, 0, none, none, none);
        }
    }
}
