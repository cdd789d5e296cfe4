package de.foerderregister.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out on the server, drawn by the template as plain SVG: no script,
 * no library, and the same figures as a table next to it for screen readers. A bar may belong to a
 * series ({@code kind}, a class of the style sheet); its label names the series too, so the colour
 * is never the only way to tell them apart.
 */
public record BarChart(List<Bar> bars, int width, int height) {

    static final int LABEL_WIDTH = 190;
    static final int BAR_AREA = 420;
    static final int ROW = 28;
    static final int BAR_HEIGHT = 18;

    public record Bar(String label, String value, String kind, int y, int barWidth, int textY, int valueX) {
    }

    /** One amount of the chart: its label, and its series' class, or "" for none. */
    record Entry(String label, BigDecimal amount, String kind) {
    }

    /** One bar per entry, in the order given; the longest bar is the largest amount. */
    static BarChart of(Map<String, BigDecimal> amounts) {
        return of(amounts.entrySet().stream().map(entry -> new Entry(entry.getKey(), entry.getValue(), "")).toList());
    }

    /** One bar per entry, in the order given; the longest bar is the largest amount. */
    static BarChart of(List<Entry> entries) {
        BigDecimal max = entries.stream().map(Entry::amount).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Entry entry : entries) {
            int width = max.signum() <= 0 ? 0 : entry.amount().multiply(BigDecimal.valueOf(BAR_AREA))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(entry.label(), UiFormat.INSTANCE.money(entry.amount()), entry.kind(), y, Math.max(width, 1),
                    y + BAR_HEIGHT - 4, LABEL_WIDTH + Math.max(width, 1) + 6));
            y += ROW;
        }
        return new BarChart(bars, LABEL_WIDTH + BAR_AREA + 170, Math.max(y, ROW));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }
}
