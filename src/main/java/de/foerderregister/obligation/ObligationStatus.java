package de.foerderregister.obligation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a reporting obligation, and the only place that says which move is allowed: the
 * state submits, FITKO accepts or returns, and a returned report is submitted again.
 */
public enum ObligationStatus {
    OPEN,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    public Set<ObligationStatus> allowedMoves() {
        return switch (this) {
            case OPEN, RETURNED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(ACCEPTED, RETURNED);
            case ACCEPTED -> EnumSet.noneOf(ObligationStatus.class);
        };
    }

    /** Whether the state still owes the report: nothing submitted yet, or the submission came back. */
    public boolean isOutstanding() {
        return this == OPEN || this == RETURNED;
    }

    /**
     * Overdue: still owed, and due before today. The views ask this; the work lists, the payment
     * check and the data-quality finding ask {@link ObligationRepository#OVERDUE}, the same in SQL.
     */
    boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return isOutstanding() && dueDate.isBefore(today);
    }

    /** The target status, or {@link ForbiddenObligationMove} naming what this status allows instead. */
    ObligationStatus moveTo(ObligationStatus target) {
        if (!allowedMoves().contains(target)) {
            throw new ForbiddenObligationMove(this, target, allowedMoves());
        }
        return target;
    }
}
