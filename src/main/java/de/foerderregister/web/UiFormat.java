package de.foerderregister.web;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts and dates the way German offices write them, in either language of the pages:
 * 1.011.500,00 €, 31.12.2022. Templates reach it as {@code fmt}.
 */
public final class UiFormat {

    static final UiFormat INSTANCE = new UiFormat();
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZONE);

    private UiFormat() {
    }

    public String money(@Nullable BigDecimal amount) {
        return amount == null ? "–" : number(amount) + " €";
    }

    /** 1.011.500,00 without the currency sign, as a form field shows it. */
    public String number(@Nullable BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String runtime(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }
}
