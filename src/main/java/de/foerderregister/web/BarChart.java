package de.foerderregister.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out on the server, drawn by the template as plain SVG: no script,
 * no library, and the same figures as a table next to it for screen readers.
 */
public record BarChart(List<Bar> bars, int width, int height) {

    static final int LABEL_WIDTH = 190;
    static final int BAR_AREA = 420;
    static final int ROW = 28;
    static final int BAR_HEIGHT = 18;

    public record Bar(String label, String value, int y, int barWidth, int textY, int valueX) {
    }

    /** One bar per entry, in the order given; the longest bar is the largest amount. */
    static BarChart of(Map<String, BigDecimal> amounts) {
        BigDecimal max = amounts.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Map.Entry<String, BigDecimal> entry : amounts.entrySet()) {
            int width = max.signum() <= 0 ? 0 : entry.getValue().multiply(BigDecimal.valueOf(BAR_AREA))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(entry.getKey(), UiFormat.INSTANCE.money(entry.getValue()), y, Math.max(width, 1),
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
