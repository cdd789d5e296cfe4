package de.foerderregister.application;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YearSplitTest {

    @Test
    void proRataByDaysOverTheRuntimeInclusive() {
        // 92 days of 2020 (1 Oct – 31 Dec) and 365 of 2021: 2 500 000 × 92 / 457 = 503 282.2757…
        assertEquals(parts(2020, "503282.28", 2021, "1996717.72"),
                split("2500000.00", "2020-10-01", "2021-12-31", List.of()));
    }

    @Test
    void aCentOverThreeYearsLandsInExactlyOneOfThem() {
        // 366 + 365 + 365 days: cumulative shares 0.0033 → 0.00, 0.0067 → 0.01, 0.01
        assertEquals(parts(2020, "0.00", 2021, "0.01", 2022, "0.00"),
                split("0.01", "2020-01-01", "2022-12-31", List.of()));
    }

    @Test
    void aLeapYearHas366Days() {
        assertEquals(parts(2024, "366.00", 2025, "365.00"), split("731.00", "2024-01-01", "2025-12-31", List.of()));
        // 184 days of 2023, 182 of 2024 (29 February included): 1000 × 184 / 366 = 502.732…
        assertEquals(parts(2023, "502.73", 2024, "497.27"), split("1000.00", "2023-07-01", "2024-06-30", List.of()));
    }

    @Test
    void aSingleDayRuntimeTakesTheWholeAmount() {
        assertEquals(parts(2021, "123.45"), split("123.45", "2021-05-05", "2021-05-05", List.of()));
        assertEquals(parts(2021, "0.01", 2022, "0.00"), split("0.01", "2021-12-31", "2022-01-01", List.of()),
                "half a cent each way rounds up in the first year, and the second gets what is left");
    }

    @Test
    void thePlanIsTheSplit() {
        List<AnnualPlanEntry> plan = plan(2020, "211500.00", 2021, "400000.00", 2022, "400000.00");
        assertEquals(parts(2020, "211500.00", 2021, "400000.00", 2022, "400000.00"),
                split("1011500.00", "2020-06-01", "2022-12-31", plan));
        // another amount (an approval) follows the plan's shares: 1000 × 211500 / 1011500 = 209.095…
        assertEquals(parts(2020, "209.10", 2021, "395.45", 2022, "395.45"),
                split("1000.00", "2020-06-01", "2022-12-31", plan));
        // the plan's years, not the runtime's: a year planned at nothing stays, an unplanned one is absent
        assertEquals(parts(2021, "0.00", 2022, "50.00"),
                split("50.00", "2020-06-01", "2022-12-31", plan(2021, "0.00", 2022, "10.00")));
    }

    @Test
    void cumulativeRoundingKeepsTheCentThatRoundingEachPartWouldLose() {
        // thirds of 100.00 rounded on their own give 33.33 three times, 99.99 in all
        assertEquals(parts(2020, "33.33", 2021, "33.34", 2022, "33.33"),
                split("100.00", "2020-01-01", "2022-12-31", plan(2020, "1.00", 2021, "1.00", 2022, "1.00")));
    }

    @Test
    void nothingSplitsIntoNothing() {
        assertEquals(parts(2021, "0.00", 2022, "0.00"), split("0", "2021-03-01", "2022-02-28", List.of()));
    }

    @Test
    void partsAlwaysSumToTheAmountAndStayWithinACentOfTheExactShare() {
        Random random = new Random(20210119);
        for (int i = 0; i < 2000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 100_000_000_000L), 2);
            LocalDate start = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
            LocalDate end = start.plusDays(random.nextInt(3653));
            Map<Integer, BigDecimal> parts = YearSplit.split(amount, start, end, List.of());

            assertEquals(amount, parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), amount + " " + start + ".." + end);
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            parts.forEach((year, part) -> {
                assertEquals(2, part.scale());
                LocalDate from = start.getYear() == year ? start : LocalDate.of(year, 1, 1);
                LocalDate to = end.getYear() == year ? end : LocalDate.of(year, 12, 31);
                BigDecimal exact = amount.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1))
                        .divide(BigDecimal.valueOf(days), MathContext.DECIMAL128);
                assertTrue(part.subtract(exact).abs().compareTo(new BigDecimal("0.01")) < 0, year + ": " + part + " vs " + exact);
            });
        }
    }

    @Test
    void refusesWhatCannotBeSplit() {
        assertThrows(IllegalArgumentException.class, () -> split("1.00", "2022-01-01", "2021-12-31", List.of()));
        assertThrows(IllegalArgumentException.class, () -> split("1.005", "2021-01-01", "2021-12-31", List.of()));
        assertThrows(IllegalArgumentException.class, () -> split("-1.00", "2021-01-01", "2021-12-31", List.of()));
    }

    private static Map<Integer, String> split(String amount, String start, String end, List<AnnualPlanEntry> plan) {
        Map<Integer, String> plain = new LinkedHashMap<>();
        YearSplit.split(new BigDecimal(amount), LocalDate.parse(start), LocalDate.parse(end), plan)
                .forEach((year, part) -> plain.put(year, part.toPlainString()));
        return plain;
    }

    private static Map<Integer, String> parts(Object... yearsAndAmounts) {
        Map<Integer, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < yearsAndAmounts.length; i += 2) {
            parts.put((Integer) yearsAndAmounts[i], (String) yearsAndAmounts[i + 1]);
        }
        return parts;
    }

    private static List<AnnualPlanEntry> plan(Object... yearsAndAmounts) {
        return parts(yearsAndAmounts).entrySet().stream()
                .map(entry -> new AnnualPlanEntry(entry.getKey(), new BigDecimal(entry.getValue())))
                .toList();
    }
}
