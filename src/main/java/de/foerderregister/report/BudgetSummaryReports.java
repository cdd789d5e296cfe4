package de.foerderregister.report;

import de.foerderregister.system.GermanNotation;

import de.foerderregister.security.Caller;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The budget summary as a document: the same figures as the JSON answer, laid out for finance. */
@Singleton
public class BudgetSummaryReports {

    private final BudgetSummaryService summaries;
    private final ReportRenderer renderer;
    private final Clock clock;

    public BudgetSummaryReports(BudgetSummaryService summaries, ReportRenderer renderer, Clock clock) {
        this.summaries = summaries;
        this.renderer = renderer;
        this.clock = clock;
    }

    public ReportFile render(Caller caller, BudgetFilter filter, ReportFormat format, char csvDelimiter) {
        BudgetSummary summary = summaries.summarise(caller, filter);
        List<Map<String, Object>> rows = new ArrayList<>();
        summary.byStateAndType().forEach(row -> rows.add(row("Nach Land und Art",
                row.ownerState().germanName() + " · " + row.type().abbreviation(), row.count(), row.requested(), row.approved(),
                row.paid(), row.open())));
        summary.bySource().forEach(row -> rows.add(row("Nach Finanzierung",
                GermanLabels.of(row.fundingSource()), row.count(), row.requested(), row.approved(), row.paid(), row.open())));
        summary.byYear().forEach(row -> rows.add(row("Nach Kalenderjahr",
                String.valueOf(row.year()), row.count(), row.requested(), row.approved(), row.paid(), row.open())));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("FILTERS", filters(summary.filter(), caller));
        parameters.put("GENERATED_AT", GermanNotation.now(clock));
        parameters.put("TOTAL_COUNT", summary.total().count());
        parameters.put("TOTAL_REQUESTED", summary.total().requested());
        parameters.put("TOTAL_APPROVED", summary.total().approved());
        parameters.put("TOTAL_PAID", summary.total().paid());
        parameters.put("TOTAL_OPEN", summary.total().open());
        return renderer.render(caller, "budget-summary", "budgetuebersicht", parameters, rows.iterator(), format, csvDelimiter);
    }

    private static Map<String, Object> row(String section, String key, long count, BigDecimal requested, BigDecimal approved,
                                           BigDecimal paid, BigDecimal open) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("key", key);
        row.put("count", count);
        row.put("requested", requested);
        row.put("approved", approved);
        row.put("paid", paid);
        row.put("open", open);
        return row;
    }

    /** The filters as a reader of the printout needs them: what the figures include. */
    private static String filters(BudgetFilter filter, Caller caller) {
        StringJoiner used = new StringJoiner(" · ");
        used.add(filter.year() == null ? "alle Jahre" : "Jahr " + filter.year());
        used.add(filter.ownerState() == null ? "alle Länder" : filter.ownerState().germanName());
        used.add(filter.fundingSource() == null ? "alle Finanzierungen" : GermanLabels.of(filter.fundingSource()));
        used.add(filter.status() == null ? "alle Status" : "Status " + GermanLabels.of(filter.status()));
        if (filter.asOf() != null) {
            used.add("Stand " + GermanNotation.date(filter.asOf()));
        }
        caller.stateScope().ifPresent(state -> used.add("sichtbar für " + state.germanName()));
        return "Filter: " + used;
    }
}
