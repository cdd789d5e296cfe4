package de.foerderregister.aggregates;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One group whose kept figures differ from the ones computed from the rows: the table, the group's key
 * ({@code BE/STANDARD/DIGITALISATION_BUDGET/APPROVED/2025}, {@code DIGITALISATION_BUDGET/2025}) and both figures.
 */
@Serdeable
public record AggregateDifference(String table, String group, String kept, String computed) {

    @Override
    public String toString() {
        return table + " " + group + ": kept " + kept + ", computed " + computed;
    }
}
