package de.foerderregister.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an application, and the only place that says which move is allowed. Editing is
 * not a move: it keeps the status, and is allowed where {@link #isEditable()}.
 */
public enum Status {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public Set<Status> allowedMoves() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, RETURNED, WITHDRAWN);
            case RETURNED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(Status.class);
        };
    }

    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }

    /** The target status, or {@link ForbiddenMove} naming what this status allows instead. */
    public Status moveTo(Status target) {
        if (!allowedMoves().contains(target)) {
            throw new ForbiddenMove(this, target.name(), allowedMoves());
        }
        return target;
    }

    /** Editing keeps the status; refused outside DRAFT and RETURNED. */
    public void requireEditable() {
        if (!isEditable()) {
            throw new ForbiddenMove(this, "edit", allowedMoves());
        }
    }
}
