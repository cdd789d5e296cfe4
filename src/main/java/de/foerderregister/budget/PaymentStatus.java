package de.foerderregister.budget;

import java.util.EnumSet;
import java.util.Set;

/**
 * Mittelabruf → Auszahlung, and the only place that says which move is allowed. A payment leaves
 * REQUESTED or RELEASED for good; PAID, REJECTED and CANCELLED are final, so a paid payment is never
 * changed again.
 */
public enum PaymentStatus {
    REQUESTED,
    RELEASED,
    PAID,
    REJECTED,
    CANCELLED;

    public Set<PaymentStatus> allowedMoves() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(RELEASED, REJECTED, CANCELLED);
            case RELEASED -> EnumSet.of(PAID, REJECTED, CANCELLED);
            case PAID, REJECTED, CANCELLED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    /** Whether the payment still holds its amount of the approval: requested, released or paid. */
    public boolean holdsClaim() {
        return this == REQUESTED || this == RELEASED || this == PAID;
    }

    /** The target status, or {@link ForbiddenPaymentMove} naming what this status allows instead. */
    public PaymentStatus moveTo(PaymentStatus target) {
        if (!allowedMoves().contains(target)) {
            throw new ForbiddenPaymentMove(this, target, allowedMoves());
        }
        return target;
    }
}
