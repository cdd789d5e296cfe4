package de.foerderregister.aggregates;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What a verification found (every differing group) and whether they were repaired. */
@Serdeable
public record AggregateReport(boolean consistent, boolean repaired, List<AggregateDifference> differences) {

    static AggregateReport of(List<AggregateDifference> differences, boolean repaired) {
        return new AggregateReport(differences.isEmpty(), repaired && !differences.isEmpty(), List.copyOf(differences));
    }

    /** One line per difference, under a headline: for the log and the command line. */
    public String text() {
        StringBuilder text = new StringBuilder(consistent ? "Kept aggregates: consistent with the rows"
                : "Kept aggregates: " + differences.size() + " groups differ from the rows" + (repaired ? ", repaired" : ""));
        differences.forEach(difference -> text.append(System.lineSeparator()).append("  ").append(difference));
        return text.toString();
    }
}
