package de.foerderregister.budget;

import de.foerderregister.problem.Conflict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 409: the change would commit more than an envelope holds. Each error names the funding source,
 * the year, the envelope's amount, what would be committed and the shortfall, in this order.
 */
public class EnvelopeExceeded extends Conflict {

    EnvelopeExceeded(List<Shortfall> shortfalls) {
        super("The change would commit more than the envelope holds (" + shortfalls.stream()
                        .map(shortfall -> shortfall.envelopeName() + " short by " + shortfall.shortfall().toPlainString())
                        .distinct().collect(Collectors.joining(", "))
                        + "); give overCommitment.reason to exceed it on purpose.",
                shortfalls.stream().map(Shortfall::error).toList());
    }
}
