package de.foerderregister.report;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The Haushaltsübersicht (SPEC, Budget): per funding source × year the envelope, what is committed,
 * paid, available and open, and the utilisation, ordered by source and year; {@code totals} holds
 * one line per source that has lines, its columns the sums of the source's lines.
 */
@Serdeable
public record BudgetStatus(BudgetStatusFilter filter, Instant generatedAt, List<BudgetStatusLine> rows,
                           List<BudgetStatusLine> totals) {

    public BudgetStatus {
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }
}
