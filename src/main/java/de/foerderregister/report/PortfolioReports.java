package de.foerderregister.report;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.TrafficLight;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.system.GermanNotation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The portfolio as a document (Portfolioübersicht): every approved project with its latest lights
 * as words ("Grün", "Gelb", "Rot"; a coloured cell repeats them, never replaces them), and per
 * dimension how many projects show which light, counted by the report from the rows it lists.
 */
@Singleton
public class PortfolioReports {

    private final ReportRepository reports;
    private final ReportRenderer renderer;
    private final Clock clock;

    public PortfolioReports(ReportRepository reports, ReportRenderer renderer, Clock clock) {
        this.reports = reports;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** One read-only snapshot, so the counts are those of the rows even while reports come in. */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ReportFile render(Caller caller, @Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                             @Nullable TrafficLight light, ReportFormat format) {
        caller.requireRole("read the portfolio", Role.STATE, Role.FITKO, Role.FINANCE);
        String scope = caller.stateScope().map(Enum::name).orElse(null);
        String state = ownerState == null ? null : ownerState.name();
        String source = fundingSource == null ? null : fundingSource.name();
        String overall = light == null ? null : light.name();
        StringJoiner filters = new StringJoiner(" · ", "Filter: ", "");
        filters.add(ownerState == null ? "alle Länder" : ownerState.germanName());
        filters.add(fundingSource == null ? "alle Finanzierungen" : GermanLabels.of(fundingSource));
        filters.add(light == null ? "alle Ampeln" : "Gesamtampel " + GermanLabels.of(light));
        caller.stateScope().ifPresent(visible -> filters.add("sichtbar für " + visible.germanName()));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("FILTERS", filters.toString());
        parameters.put("GENERATED_AT", GermanNotation.now(clock));
        return renderer.render(caller, "portfolio", "portfolio", parameters,
                new KeysetRows<>(afterId -> reports.portfolio(afterId, scope, state, source, overall), PortfolioRow::id,
                        PortfolioReports::values), format, CsvDelimiter.of(null));
    }

    private static Map<String, Object> values(PortfolioRow row) {
        Map<String, Object> values = new HashMap<>();
        values.put("reference", row.reference());
        values.put("title", row.title());
        values.put("state", row.ownerState().name());
        values.put("source", GermanLabels.of(row.fundingSource()));
        values.put("runtime", GermanNotation.runtime(row.startDate(), row.endDate()));
        values.put("approved", row.approvedAmount());
        values.put("schedule", label(row.schedule()));
        values.put("budget", label(row.budget()));
        values.put("quality", label(row.quality()));
        values.put("overall", label(row.overall()));
        values.put("reported", row.reportedAt() == null ? null : GermanNotation.dateTime(row.reportedAt()));
        return values;
    }

    private static @Nullable String label(@Nullable TrafficLight light) {
        return light == null ? null : GermanLabels.of(light);
    }
}
