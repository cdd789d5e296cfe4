package de.foerderregister.web;

import de.foerderregister.system.GermanNotation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

    public String runtime(LocalDate start, LocalDate end) {
        return GermanNotation.runtime(start, end);
    }
}
