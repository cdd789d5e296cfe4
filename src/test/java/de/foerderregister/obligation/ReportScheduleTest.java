package de.foerderregister.obligation;

import de.foerderregister.obligation.ReportSchedule.Due;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static de.foerderregister.obligation.ObligationKind.FINAL;
import static de.foerderregister.obligation.ObligationKind.INTERIM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which reports a runtime owes and when: ANBest-P's 30 April and six months, and other settings. */
class ReportScheduleTest {

    private final ReportSchedule federal = new ReportSchedule(new ObligationSettings("04-30", 6, true));

    @Test
    void aRuntimeOfWholeYearsOwesAnInterimReportForEachYearButTheLastAndTheFinalReport() {
        assertEquals(List.of(
                        new Due(INTERIM, 2021, date("2022-04-30")),
                        new Due(FINAL, 2022, date("2023-06-30"))),
                federal.owed(date("2021-01-01"), date("2022-12-31"), years(2021, 2022)));
    }

    @Test
    void aRuntimeStartingAndEndingMidYearCountsCalendarYears() {
        assertEquals(List.of(
                        new Due(INTERIM, 2021, date("2022-04-30")),
                        new Due(INTERIM, 2022, date("2023-04-30")),
                        new Due(FINAL, 2023, date("2023-09-30"))),
                federal.owed(date("2021-07-01"), date("2023-03-31"), years(2021, 2022, 2023)));
        // ending in January: the interim report of the year before falls due after the final one's period began
        assertEquals(List.of(
                        new Due(INTERIM, 2021, date("2022-04-30")),
                        new Due(FINAL, 2022, date("2022-07-15"))),
                federal.owed(date("2021-11-15"), date("2022-01-15"), years(2021, 2022)));
    }

    @Test
    void theFinalReportFallsDueOnTheLastDayOfAShorterMonth() {
        assertEquals(date("2024-02-29"), finalDue("2023-08-31"), "2024 is a leap year");
        assertEquals(date("2025-02-28"), finalDue("2024-08-31"));
        assertEquals(date("2023-02-28"), finalDue("2022-08-31"));
        assertEquals(date("2024-02-29"), finalDue("2023-08-29"));
        // the day is kept where the month has it, even at a month's end
        assertEquals(date("2023-08-28"), finalDue("2023-02-28"));
        assertEquals(date("2024-08-29"), finalDue("2024-02-29"));
        assertEquals(date("2022-12-30"), finalDue("2022-06-30"));
        assertEquals(date("2026-04-30"), finalDue("2025-10-31"));
    }

    @Test
    void aRuntimeInsideOneYearOwesTheFinalReportOnly() {
        assertEquals(List.of(new Due(FINAL, 2021, date("2022-05-30"))),
                federal.owed(date("2021-03-01"), date("2021-11-30"), years(2021)));
        assertEquals(List.of(new Due(FINAL, 2021, date("2022-06-30"))),
                federal.owed(date("2021-12-31"), date("2021-12-31"), years(2021)));
    }

    @Test
    void aTenYearRuntimeOwesTenInterimReports() {
        List<Due> owed = federal.owed(date("2021-07-01"), date("2031-06-30"), years(IntStream.rangeClosed(2021, 2031).toArray()));
        List<Due> interim = IntStream.rangeClosed(2021, 2030)
                .mapToObj(year -> new Due(INTERIM, year, LocalDate.of(year + 1, 4, 30))).toList();
        assertEquals(interim, owed.subList(0, 10));
        assertEquals(new Due(FINAL, 2031, date("2031-12-30")), owed.get(10));
        assertEquals(11, owed.size());
    }

    @Test
    void aYearWithoutAnApprovedShareOwesNoInterimReport() {
        assertEquals(List.of(
                        new Due(INTERIM, 2021, date("2022-04-30")),
                        new Due(INTERIM, 2023, date("2024-04-30")),
                        new Due(FINAL, 2024, date("2025-06-30"))),
                federal.owed(date("2021-01-01"), date("2024-12-31"), years(2021, 2023, 2024)));
        assertEquals(List.of(new Due(FINAL, 2022, date("2023-06-30"))),
                federal.owed(date("2021-01-01"), date("2022-12-31"), Set.of()));
    }

    @Test
    void theOffsetsAreSettings() {
        ReportSchedule other = new ReportSchedule(new ObligationSettings("05-31", 3, true));
        assertEquals(List.of(
                        new Due(INTERIM, 2021, date("2022-05-31")),
                        new Due(FINAL, 2022, date("2022-11-30"))),
                other.owed(date("2021-01-01"), date("2022-08-31"), years(2021, 2022)));
        ReportSchedule leapDay = new ReportSchedule(new ObligationSettings("02-29", 0, true));
        assertEquals(List.of(
                        new Due(INTERIM, 2022, date("2023-02-28")),
                        new Due(INTERIM, 2023, date("2024-02-29")),
                        new Due(FINAL, 2024, date("2024-03-31"))),
                leapDay.owed(date("2022-01-01"), date("2024-03-31"), years(2022, 2023, 2024)));
    }

    @Test
    void anUnreadableSettingStopsTheStart() {
        assertThrows(ConfigurationException.class, () -> new ReportSchedule(new ObligationSettings("30.04.", 6, true)));
        assertThrows(ConfigurationException.class, () -> new ReportSchedule(new ObligationSettings("02-30", 6, true)));
        assertThrows(ConfigurationException.class, () -> new ReportSchedule(new ObligationSettings("04-30", -1, true)));
    }

    private LocalDate finalDue(String end) {
        List<Due> owed = federal.owed(date(end).withDayOfYear(1), date(end), years(date(end).getYear()));
        return owed.get(owed.size() - 1).dueDate();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Set<Integer> years(int... years) {
        return IntStream.of(years).boxed().collect(Collectors.toSet());
    }
}
