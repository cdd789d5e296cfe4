package de.foerderregister.report;

import de.foerderregister.security.Caller;
import de.foerderregister.system.GermanNotation;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Haushaltsübersicht as a document: the JSON answer's lines, each source's years followed by its total. */
@Singleton
public class BudgetStatusReports {

    private final BudgetStatusService statuses;
    private final ReportRenderer renderer;
    private final Clock clock;

    public BudgetStatusReports(BudgetStatusService statuses, ReportRenderer renderer, Clock clock) {
        this.statuses = statuses;
        this.renderer = renderer;
        this.clock = clock;
    }

    public ReportFile render(Caller caller, BudgetStatusFilter filter, ReportFormat format, char csvDelimiter) {
        BudgetStatus status = statuses.status(caller, filter);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BudgetStatusLine total : status.totals()) {
            status.rows().stream().filter(line -> line.fundingSource() == total.fundingSource())
                    .forEach(line -> rows.add(row(line, String.valueOf(line.year()))));
            rows.add(row(total, "Summe"));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("FILTERS", "Filter: " + (filter.year() == null ? "alle Jahre" : "Jahr " + filter.year()) + " · "
                + (filter.fundingSource() == null ? "alle Finanzierungen" : GermanLabels.of(filter.fundingSource())));
        parameters.put("GENERATED_AT", GermanNotation.now(clock));
        return renderer.render(caller, "budget-status", "haushaltsuebersicht", parameters, rows.iterator(), format,
                csvDelimiter);
    }

    private static Map<String, Object> row(BudgetStatusLine line, String year) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", GermanLabels.of(line.fundingSource()));
        row.put("year", year);
        row.put("total", line.year() == null);
        row.put("envelope", line.envelope());
        row.put("committed", line.committed());
        row.put("paid", line.paid());
        row.put("available", line.available());
        row.put("open", line.open());
        row.put("utilisation", line.utilisation());
        return row;
    }
}
