package de.foerderregister.system;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts and dates the way German offices write them — 1.011.500,00 €, 31.12.2022 — written for
 * pages and reports and read from forms and import files, in one place. Reading is strict:
 * whatever is not one of the documented forms is refused rather than guessed.
 */
public final class GermanNotation {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(BERLIN);
    private static final DateTimeFormatter READ_DATE = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** 1.011.500,00 or 1.011.500 — dots group thousands, a comma starts the decimals. */
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    /** 1011500,00 — a decimal comma without grouping. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
    /** 2500000.00 or 2500000 — a decimal point, as in the minutes' table. */
    private static final Pattern DECIMAL_POINT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DOTTED_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");

    private GermanNotation() {
    }

    /** 1.011.500,00 — as a form field or a table cell shows an amount. */
    public static String number(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(amount);
    }

    /** 1.011.500,00 € */
    public static String money(BigDecimal amount) {
        return number(amount) + " €";
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** 19.01.2021 14:05, in German time. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** 01.10.2020 – 31.12.2021 */
    public static String runtime(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }

    /** 29.11.2026 14:05 Uhr: when a document was made. */
    public static String now(Clock clock) {
        return DATE_TIME.format(ZonedDateTime.now(clock)) + " Uhr";
    }

    /**
     * The amount, or null where the text is none of the forms above. A single dot followed by
     * exactly three digits ({@code 2.500}) is read the German way, as 2500: amounts here are
     * euros, and a decimal point is written with cents.
     */
    public static @Nullable BigDecimal readAmount(String text) {
        String clean = text.replace("€", "").replace("EUR", "").replace('\u00A0', ' ').replace(" ", "");
        if (GROUPED.matcher(clean).matches()) {
            return new BigDecimal(clean.replace(".", "").replace(',', '.'));
        }
        if (DECIMAL_COMMA.matcher(clean).matches()) {
            return new BigDecimal(clean.replace(',', '.'));
        }
        if (DECIMAL_POINT.matcher(clean).matches()) {
            return new BigDecimal(clean);
        }
        return null;
    }

    /** YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY), or null where the text is neither or no real day. */
    public static @Nullable LocalDate readDate(String text) {
        String clean = text.strip();
        try {
            if (ISO_DATE.matcher(clean).matches()) {
                return LocalDate.parse(clean);
            }
            if (DOTTED_DATE.matcher(clean).matches()) {
                return LocalDate.parse(clean, READ_DATE);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
