package de.foerderregister.application;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.Problem;

import java.util.Set;

/** A status move the state machine does not allow; the answer names the allowed ones. */
public final class ForbiddenMove extends Conflict {

    private final transient Set<Status> allowed;

    ForbiddenMove(Status current, String attempted, Set<Status> allowed) {
        super("An application in status " + current + " cannot move to " + attempted + ". Allowed: "
                + (allowed.isEmpty() ? "none (final status)" : allowed) + ".");
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Problem toProblem() {
        return super.toProblem().withAllowedStatuses(allowed.stream().sorted().map(Status::name).toList());
    }
}
