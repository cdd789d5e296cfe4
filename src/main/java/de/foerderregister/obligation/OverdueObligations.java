package de.foerderregister.obligation;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;

import java.util.List;
import java.util.stream.Collectors;

/** A new payment request refused while reports of the application are overdue: 409 naming each of them. */
public final class OverdueObligations extends Conflict {

    OverdueObligations(long applicationId, List<Obligation> overdue) {
        super("Application " + applicationId + " has overdue reports ("
                        + overdue.stream().map(OverdueObligations::describe).collect(Collectors.joining(", "))
                        + "); no new payment request is taken until they are submitted.",
                overdue.stream().map(obligation -> new FieldError("obligations", RuleCode.OBLIGATION_OVERDUE,
                        obligation.id(), obligation.kind(), obligation.periodYear(), obligation.dueDate())).toList());
    }

    private static String describe(Obligation obligation) {
        return "obligation " + obligation.id() + ": " + obligation.kind() + " " + obligation.periodYear()
                + ", due " + obligation.dueDate() + ", " + obligation.status();
    }
}
