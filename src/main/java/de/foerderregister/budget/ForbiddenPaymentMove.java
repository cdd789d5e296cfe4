package de.foerderregister.budget;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.Problem;

import java.util.Set;

/** A payment move its status does not allow; the answer names the allowed ones, as for applications. */
public final class ForbiddenPaymentMove extends Conflict {

    private final transient Set<PaymentStatus> allowed;

    ForbiddenPaymentMove(PaymentStatus current, PaymentStatus attempted, Set<PaymentStatus> allowed) {
        super("A payment in status " + current + " cannot move to " + attempted + ". Allowed: "
                + (allowed.isEmpty() ? "none (final status)" : allowed) + ".");
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Problem toProblem() {
        return super.toProblem().withAllowedStatuses(allowed.stream().sorted().map(PaymentStatus::name).toList());
    }
}
