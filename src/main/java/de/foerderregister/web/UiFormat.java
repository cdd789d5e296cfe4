package de.foerderregister.web;

import de.foerderregister.system.GermanNotation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@link GermanNotation} for the templates, which reach it as {@code fmt}: absent values show as
 * a dash (amounts) or nothing, in either language of the pages.
 */
public final class UiFormat {

    static final UiFormat INSTANCE = new UiFormat();

    private UiFormat() {
    }

    public String money(@Nullable BigDecimal amount) {
        return amount == null ? "–" : GermanNotation.money(amount);
    }

    public String number(@Nullable BigDecimal amount) {
        return amount == null ? "" : GermanNotation.number(amount);
    }

    /** A share in percent, as 87,50 %; a dash where there is none (no envelope to use up). */
    public String percent(@Nullable BigDecimal share) {
        return share == null ? "–" : GermanNotation.number(share) + " %";
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : GermanNotation.date(date);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : GermanNotation.dateTime(instant);
    }

    /** A file's size: 76 Bytes, 600,0 KB, 20,0 MB (binary units, as file managers show them). */
    public String size(long bytes) {
        DecimalFormat oneDecimal = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        if (bytes < 1024) {
            return bytes + " Bytes";
        }
        return bytes < 1024 * 1024 ? oneDecimal.format(bytes / 1024.0) + " KB"
                : oneDecimal.format(bytes / (1024.0 * 1024)) + " MB";
    }

    public String runtime(LocalDate start, LocalDate end) {
        return GermanNotation.runtime(start, end);
    }
}
