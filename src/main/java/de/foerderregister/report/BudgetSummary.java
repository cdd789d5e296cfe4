package de.foerderregister.report;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * Totals of requested and approved amounts by owner state × type, by funding source and by
 * calendar year, as {@link BudgetSummaryService#summarise} computes them. The amounts of
 * {@code byStateAndType}, {@code bySource} and {@code byYear} each add up to {@code total} to the
 * cent; counts add up only for the first two, since one application runs over several years.
 */
@Serdeable
public record BudgetSummary(BudgetFilter filter, Instant generatedAt, List<StateTypeTotal> byStateAndType,
                            List<SourceTotal> bySource, List<YearTotal> byYear, Totals total) {

    public BudgetSummary {
        byStateAndType = List.copyOf(byStateAndType);
        bySource = List.copyOf(bySource);
        byYear = List.copyOf(byYear);
    }
}
