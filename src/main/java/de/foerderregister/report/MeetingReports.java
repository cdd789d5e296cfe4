package de.foerderregister.report;

import de.foerderregister.application.Dates;
import de.foerderregister.system.GermanNotation;

import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The "Projekte" table of one meeting, as the minutes print it. */
@Singleton
public class MeetingReports {

    private final ReportRepository meetings;
    private final ReportRenderer renderer;
    private final Clock clock;

    public MeetingReports(ReportRepository meetings, ReportRenderer renderer, Clock clock) {
        this.meetings = meetings;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Transactional
    public ReportFile decisionList(Caller caller, LocalDate meetingDate, ReportFormat format, char csvDelimiter) {
        caller.requireRole("read reports", Role.STATE, Role.FITKO, Role.FINANCE);
        Dates.require("meetingDate", meetingDate);
        List<DecisionListRow> rows = meetings.decisionList(meetingDate,
                caller.stateScope().map(Enum::name).orElse(null));
        String bodies = rows.stream().map(DecisionListRow::body).distinct().collect(Collectors.joining(", "));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("MEETING", (bodies.isEmpty() ? "Sitzung" : bodies) + " vom " + GermanNotation.date(meetingDate));
        parameters.put("GENERATED_AT", GermanNotation.now(clock));
        parameters.put("FILTERS", "Sitzung " + GermanNotation.date(meetingDate)
                + caller.stateScope().map(state -> " · nur " + state.germanName()).orElse(""));
        return renderer.render(caller, "decision-list", "projekte-" + meetingDate, parameters,
                rows.stream().map(MeetingReports::row).iterator(), format, csvDelimiter);
    }

    private static Map<String, Object> row(DecisionListRow row) {
        Map<String, Object> values = new HashMap<>();
        values.put("reference", row.reference());
        values.put("title", row.title());
        values.put("state", row.ownerState().name());
        values.put("type", row.type().abbreviation());
        values.put("runtime", GermanNotation.runtime(row.startDate(), row.endDate()));
        values.put("requested", row.requestedAmount());
        values.put("approval", GermanLabels.of(row.outcome()));
        values.put("approved", row.decidedAmount());
        values.put("remarks", row.decisionNote() != null ? row.decisionNote() : row.notes());
        return values;
    }
}
