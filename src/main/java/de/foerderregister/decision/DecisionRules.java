package de.foerderregister.decision;

import de.foerderregister.application.Dates;
import de.foerderregister.application.Money;
import de.foerderregister.application.PlainText;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The field rules of decisions, meetings and amendments, for single decisions and batches alike;
 * the text and date rules also serve the other records of what a body or an office did (payments, the
 * reviews of reports), the budget's reasons (envelopes, carry-overs, over-commitments), documents and
 * status reports' comments.
 */
public final class DecisionRules {

    static final int BODY_MAX = 200;
    static final int AGENDA_ITEM_MAX = 50;
    public static final int NOTE_MAX = 4000;
    public static final int REASON_MAX = 1000;
    static final BigDecimal VAT_RATE_MAX = new BigDecimal("100");

    private DecisionRules() {
    }

    /** The meeting, or null after recording each broken rule; a meeting cannot lie in the future. */
    static @Nullable Meeting meeting(List<FieldError> errors, @Nullable String body, @Nullable LocalDate date,
                                     @Nullable String agendaItem, LocalDate today) {
        String cleanBody = text(errors, "body", body, BODY_MAX, true);
        String cleanItem = text(errors, "agendaItem", agendaItem, AGENDA_ITEM_MAX, true);
        boolean dateFits = pastDate(errors, "meetingDate", date, today);
        return cleanBody == null || cleanItem == null || !dateFits ? null : new Meeting(cleanBody, date, cleanItem);
    }

    /** Whether the date of something that happened is given, within the calendar and not after today. */
    public static boolean pastDate(List<FieldError> errors, String field, @Nullable LocalDate date, LocalDate today) {
        if (date == null) {
            errors.add(new FieldError(field, RuleCode.REQUIRED));
            return false;
        }
        if (date.isAfter(today)) {
            errors.add(new FieldError(field, RuleCode.DATE_FUTURE));
            return false;
        }
        return Dates.accept(errors, field, date);
    }

    /** The approved amount of an outcome: required and valid for APPROVED, absent otherwise. */
    static @Nullable BigDecimal approvedAmount(List<FieldError> errors, String field, @Nullable Outcome outcome,
                                               @Nullable BigDecimal amount) {
        if (outcome == Outcome.APPROVED) {
            return Money.accept(errors, field, amount, true);
        }
        if (amount != null) {
            errors.add(new FieldError(field, RuleCode.APPROVAL_ONLY_APPROVED));
        }
        return null;
    }

    /** A rate such as 19 or 16: above 0, at most 100, at most two decimals. */
    static @Nullable BigDecimal vatRate(List<FieldError> errors, BigDecimal rate) {
        if (!Money.hasCents(rate) || rate.signum() <= 0 || rate.compareTo(VAT_RATE_MAX) > 0) {
            errors.add(new FieldError("vatRatePercent", RuleCode.AMENDMENT_VAT_RATE));
            return null;
        }
        return rate.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    public static void required(List<FieldError> errors, String field, @Nullable Object value) {
        if (value == null) {
            errors.add(new FieldError(field, RuleCode.REQUIRED));
        }
    }

    /** Trimmed text, or null after recording why it was refused (or when it is optional and empty). */
    public static @Nullable String text(List<FieldError> errors, String field, @Nullable String value, int max,
                                        boolean required) {
        String clean = value == null ? null : value.strip();
        if (clean == null || clean.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, RuleCode.REQUIRED));
            }
            return null;
        }
        if (clean.length() > max) {
            errors.add(new FieldError(field, RuleCode.TEXT_MAX_LENGTH, max));
            return null;
        }
        Optional<FieldError> refusal = PlainText.refusal(field, clean);
        refusal.ifPresent(errors::add);
        return refusal.isEmpty() ? clean : null;
    }
}
