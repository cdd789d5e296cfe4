package de.foerderregister.budget;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;

import java.util.List;

/**
 * A refusal because of the money already held: a payment beyond what the approval leaves, a
 * repayment beyond what was paid, an amendment below what payments hold. The errors name the
 * amounts (codes and arguments), so a client can say what remains.
 */
public final class BudgetConflict extends Conflict {

    public BudgetConflict(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
