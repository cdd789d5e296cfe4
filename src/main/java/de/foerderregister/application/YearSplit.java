package de.foerderregister.application;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spreads an amount over calendar years. The weights are the annual plan's amounts where there is
 * a plan (the plan IS the split), otherwise the days of the runtime that fall into each year. Parts
 * are rounded cumulatively, half-up to the cent: part_i = round(amount × cum_i / whole) −
 * round(amount × cum_(i−1) / whole). Rounding each part on its own could lose or invent a cent;
 * this way the parts always add up exactly to the amount, and each part is off by less than a cent.
 */
public final class YearSplit {

    private YearSplit() {
    }

    /**
     * The amount's part of each year, ordered by year. With a plan the years are the plan's years
     * (a year planned at 0 gets 0.00); without one, every year the runtime touches, start and end
     * day included. An amount split by the same plan it sums to comes back as the plan itself.
     *
     * @throws IllegalArgumentException for a negative amount or one with more than two decimals,
     *                                  an end before the start, or a plan line without year or amount
     */
    public static Map<Integer, BigDecimal> split(BigDecimal amount, LocalDate start, LocalDate end,
                                                 List<AnnualPlanEntry> plan) {
        if (amount.signum() < 0 || !Money.hasCents(amount)) {
            throw new IllegalArgumentException("amount must be at least 0 with at most two decimals: " + amount);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("runtime ends before it starts: " + start + ".." + end);
        }
        SortedMap<Integer, BigDecimal> weights = plan.isEmpty() ? daysPerYear(start, end) : planned(plan);
        BigDecimal whole = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (whole.signum() == 0) {
            // a plan of nothing but zeros gives no proportions; the runtime still does
            weights = daysPerYear(start, end);
            whole = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        BigDecimal total = Money.exact(amount);
        Map<Integer, BigDecimal> parts = new TreeMap<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal roundedBefore = Money.exact(BigDecimal.ZERO);
        for (Map.Entry<Integer, BigDecimal> weight : weights.entrySet()) {
            cumulative = cumulative.add(weight.getValue());
            // the division is exact up to its rounding: no intermediate rounding of the share
            BigDecimal rounded = total.multiply(cumulative).divide(whole, 2, RoundingMode.HALF_UP);
            parts.put(weight.getKey(), rounded.subtract(roundedBefore));
            roundedBefore = rounded;
        }
        return Collections.unmodifiableMap(parts);
    }

    private static SortedMap<Integer, BigDecimal> daysPerYear(LocalDate start, LocalDate end) {
        SortedMap<Integer, BigDecimal> days = new TreeMap<>();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            LocalDate from = year == start.getYear() ? start : LocalDate.of(year, 1, 1);
            LocalDate to = year == end.getYear() ? end : LocalDate.of(year, 12, 31);
            days.put(year, BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1));
        }
        return days;
    }

    private static SortedMap<Integer, BigDecimal> planned(List<AnnualPlanEntry> plan) {
        SortedMap<Integer, BigDecimal> amounts = new TreeMap<>();
        for (AnnualPlanEntry entry : plan) {
            if (entry.year() == null || entry.amount() == null || entry.amount().signum() < 0) {
                throw new IllegalArgumentException("plan line needs a year and an amount of at least 0: " + entry);
            }
            amounts.merge(entry.year(), entry.amount(), BigDecimal::add);
        }
        return amounts;
    }
}
