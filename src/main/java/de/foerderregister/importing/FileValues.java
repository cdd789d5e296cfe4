package de.foerderregister.importing;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Amounts and dates as German offices write them in spreadsheets, read strictly: whatever is
 * not one of the documented forms is refused rather than guessed.
 */
final class FileValues {

    /** 1.011.500,00 or 1.011.500 — dots group thousands, a comma starts the decimals. */
    private static final Pattern GERMAN_GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    /** 1011500,00 — a decimal comma without grouping. */
    private static final Pattern GERMAN_PLAIN = Pattern.compile("-?\\d+,\\d+");
    /** 2500000.00 or 2500000 — a decimal point, as in the minutes' table. */
    private static final Pattern POINT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern GERMAN_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private FileValues() {
    }

    /**
     * The amount, or null where the text is none of the forms above. A single dot followed by
     * exactly three digits ({@code 2.500}) is read the German way, as 2500: amounts in these files
     * are euros, and a decimal point is written with cents.
     */
    static @Nullable BigDecimal amount(String text) {
        String clean = text.replace("€", "").replace("EUR", "").replace('\u00A0', ' ').replace(" ", "");
        if (GERMAN_GROUPED.matcher(clean).matches()) {
            return new BigDecimal(clean.replace(".", "").replace(',', '.'));
        }
        if (GERMAN_PLAIN.matcher(clean).matches()) {
            return new BigDecimal(clean.replace(',', '.'));
        }
        if (POINT.matcher(clean).matches()) {
            return new BigDecimal(clean);
        }
        return null;
    }

    /** YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY), or null where the text is neither or no real day. */
    static @Nullable LocalDate date(String text) {
        String clean = text.strip();
        try {
            if (ISO_DATE.matcher(clean).matches()) {
                return LocalDate.parse(clean);
            }
            if (GERMAN_DATE.matcher(clean).matches()) {
                return LocalDate.parse(clean, GERMAN);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
