package de.foerderregister.obligation;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.Problem;

import java.util.Set;

/** A move the obligation's status does not allow; the answer names the allowed ones. */
public final class ForbiddenObligationMove extends Conflict {

    private final transient Set<ObligationStatus> allowed;

    ForbiddenObligationMove(ObligationStatus current, ObligationStatus attempted, Set<ObligationStatus> allowed) {
        super("A report in status " + current + " cannot move to " + attempted + ". Allowed: "
                + (allowed.isEmpty() ? "none (final status)" : allowed) + ".");
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Problem toProblem() {
        return super.toProblem().withAllowedStatuses(allowed.stream().sorted().map(ObligationStatus::name).toList());
    }
}
