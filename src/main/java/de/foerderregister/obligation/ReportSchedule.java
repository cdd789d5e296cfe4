package de.foerderregister.obligation;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which reports an approved application owes, and when each falls due. An interim report covers
 * the money of one calendar year (ANBest-P 6.1: "über die in diesem Jahr erhaltenen Beträge"), so
 * it is owed for each year of the runtime but the last in which the application holds an approved
 * share; the last year is covered by the final report. A runtime inside one year owes the final
 * report only.
 * <p>
 * The final report falls due a number of months after the end date by {@link LocalDate#plusMonths},
 * which keeps the day of the month where the target month has it and otherwise takes that month's
 * last day: 31 August 2023 + 6 months is 29 February 2024, 31 August 2024 + 6 months is
 * 28 February 2025. An interim due day of 29 February falls on the 28th in common years.
 */
@Singleton
public class ReportSchedule {

    /** A report and the period it covers: the unit that exists at most once per application. */
    public record Period(ObligationKind kind, int periodYear) {
    }

    /** A report owed, with its due date. */
    public record Due(ObligationKind kind, int periodYear, LocalDate dueDate) {

        Period period() {
            return new Period(kind, periodYear);
        }
    }

    private final MonthDay interimDue;
    private final int finalDueMonths;

    public ReportSchedule(ObligationSettings settings) {
        this.interimDue = monthDay(settings.interimDue());
        if (settings.finalDueMonths() < 0) {
            throw new ConfigurationException("registry.obligations.final-due-months must not be negative, was "
                    + settings.finalDueMonths());
        }
        this.finalDueMonths = settings.finalDueMonths();
    }

    /**
     * The reports owed for a runtime, interim ones in year order, then the final one.
     *
     * @param fundedYears the calendar years that hold an approved share
     */
    public List<Due> owed(LocalDate start, LocalDate end, Set<Integer> fundedYears) {
        List<Due> owed = new ArrayList<>();
        for (int year = start.getYear(); year < end.getYear(); year++) {
            if (fundedYears.contains(year)) {
                owed.add(new Due(ObligationKind.INTERIM, year, interimDue.atYear(year + 1)));
            }
        }
        owed.add(new Due(ObligationKind.FINAL, end.getYear(), end.plusMonths(finalDueMonths)));
        return owed;
    }

    private static MonthDay monthDay(String value) {
        try {
            return MonthDay.parse("--" + value.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("registry.obligations.interim-due must be a month and day as MM-dd"
                    + " (e.g. 04-30), was '" + value + "'");
        }
    }
}
