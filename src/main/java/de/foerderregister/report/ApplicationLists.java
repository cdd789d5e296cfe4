package de.foerderregister.report;

import de.foerderregister.system.GermanNotation;

import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The detail list of applications, of any length: rows are read a thousand at a time while the
 * report fills, so neither the rows nor the filled pages (virtualizer) pile up in memory.
 */
@Singleton
public class ApplicationLists {

    private final ReportRepository reports;
    private final ReportRenderer renderer;
    private final Clock clock;

    public ApplicationLists(ReportRepository reports, ReportRenderer renderer, Clock clock) {
        this.reports = reports;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** One read-only snapshot, so a list rendered while others write is still consistent. */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public ReportFile render(Caller caller, @Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                             @Nullable Status status, ReportFormat format, char csvDelimiter) {
        caller.requireRole("read reports", Role.STATE, Role.FITKO, Role.FINANCE);
        StateCode state = caller.stateScope().orElse(ownerState);
        boolean foreign = caller.stateScope().isPresent() && ownerState != null && ownerState != state;
        String stateName = state == null ? null : state.name();
        String sourceName = fundingSource == null ? null : fundingSource.name();
        String statusName = status == null ? null : status.name();
        Iterator<Map<String, Object>> rows = foreign ? List.<Map<String, Object>>of().iterator()
                : new KeysetRows<>(afterId -> reports.applicationList(afterId, stateName, sourceName, statusName),
                ApplicationListRow::id, ApplicationLists::values);
        StringJoiner filters = new StringJoiner(" · ", "Filter: ", "");
        filters.add(ownerState == null ? "alle Länder" : ownerState.germanName());
        filters.add(fundingSource == null ? "alle Finanzierungen" : GermanLabels.of(fundingSource));
        filters.add(status == null ? "alle Status" : GermanLabels.of(status));
        caller.stateScope().ifPresent(scope -> filters.add("sichtbar für " + scope.germanName()));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("FILTERS", filters.toString());
        parameters.put("GENERATED_AT", GermanNotation.now(clock));
        return renderer.render(caller, "application-list", "antraege", parameters, rows, format, csvDelimiter);
    }

    private static Map<String, Object> values(ApplicationListRow row) {
        Map<String, Object> values = new HashMap<>();
        values.put("reference", row.reference());
        values.put("title", row.title());
        values.put("state", row.ownerState().name());
        values.put("type", row.type().abbreviation());
        values.put("source", GermanLabels.of(row.fundingSource()));
        values.put("runtime", GermanNotation.runtime(row.startDate(), row.endDate()));
        values.put("status", GermanLabels.of(row.status()));
        values.put("requested", row.requestedAmount());
        values.put("approved", row.approvedAmount());
        return values;
    }
}
