package de.foerderregister.application;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's one rule for dates and calendar years, for every date field of the API, the
 * pages, the import and the query parameters alike: they lie between {@link #FIRST} and
 * {@link #LAST}. The funding programmes began in the 1990s and plan decades ahead at most;
 * anything outside is a typing error, and years such as 0 or 9999 break the date arithmetic
 * and the database's DATE column (year 0 is stored as 0001, 9999 overflows in the year split).
 */
public final class Dates {

    public static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    private Dates() {
    }

    /** Whether the date lies within the registry's calendar; where not, records why under the field. */
    public static boolean accept(List<FieldError> errors, String field, LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            errors.add(new FieldError(field, RuleCode.DATE_CALENDAR, FIRST, LAST));
            return false;
        }
        return true;
    }

    /** Whether the calendar year lies within the registry's calendar; where not, records why under the field. */
    public static boolean acceptYear(List<FieldError> errors, String field, int year) {
        if (year < FIRST.getYear() || year > LAST.getYear()) {
            errors.add(new FieldError(field, RuleCode.DATE_CALENDAR, FIRST.getYear(), LAST.getYear()));
            return false;
        }
        return true;
    }

    /** An optional date of a query: absent, or within the calendar, else {@link InvalidInput} naming the parameter. */
    public static void require(String field, @Nullable LocalDate date) {
        List<FieldError> errors = new ArrayList<>();
        if (date != null && !accept(errors, field, date)) {
            throw new InvalidInput(errors);
        }
    }

    /** An optional calendar year of a query: absent, or within the calendar, else {@link InvalidInput}. */
    public static void requireYear(String field, @Nullable Integer year) {
        List<FieldError> errors = new ArrayList<>();
        if (year != null && !acceptYear(errors, field, year)) {
            throw new InvalidInput(errors);
        }
    }
}
