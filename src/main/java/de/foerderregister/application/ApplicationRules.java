package de.foerderregister.application;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The field rules of SPEC's application table, in one place for the API, the import and the UI.
 * All errors are collected, so the client learns every problem at once.
 */
public final class ApplicationRules {

    static final int TITLE_MIN = 3;
    static final int TITLE_MAX = 200;
    static final int NOTES_MAX = 4000;
    static final int RUNTIME_MAX_YEARS = 10;

    private ApplicationRules() {
    }

    /** The accepted content, or {@link InvalidInput} naming each broken rule. */
    public static ApplicationContent accept(ApplicationCommand command) {
        List<FieldError> errors = new ArrayList<>();
        String title = command.title() == null ? null : command.title().strip();
        if (title == null || title.isEmpty()) {
            errors.add(new FieldError("title", RuleCode.REQUIRED));
        } else if (title.length() < TITLE_MIN || title.length() > TITLE_MAX) {
            errors.add(new FieldError("title", RuleCode.TEXT_LENGTH, TITLE_MIN, TITLE_MAX));
        } else {
            PlainText.refusal("title", title).ifPresent(errors::add);
        }
        required(errors, "ownerState", command.ownerState());
        required(errors, "type", command.type());
        required(errors, "fundingSource", command.fundingSource());
        boolean startKnown = date(errors, "startDate", command.startDate());
        boolean endKnown = date(errors, "endDate", command.endDate());
        if (startKnown && endKnown) {
            if (command.endDate().isBefore(command.startDate())) {
                errors.add(new FieldError("endDate", RuleCode.DATE_ORDER, "startDate"));
            } else if (command.endDate().isAfter(command.startDate().plusYears(RUNTIME_MAX_YEARS))) {
                errors.add(new FieldError("endDate", RuleCode.DATE_RUNTIME, RUNTIME_MAX_YEARS));
            }
        }
        BigDecimal requested = Money.accept(errors, "requestedAmount", command.requestedAmount(), true);
        String notes = command.notes() == null || command.notes().isBlank() ? null : command.notes().strip();
        if (notes != null && notes.length() > NOTES_MAX) {
            errors.add(new FieldError("notes", RuleCode.TEXT_MAX_LENGTH, NOTES_MAX));
        } else if (notes != null) {
            PlainText.refusal("notes", notes).ifPresent(errors::add);
        }
        List<AnnualPlanEntry> plan = annualPlan(errors, command, requested, startKnown && endKnown);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ApplicationContent(title, command.ownerState(), command.type(), command.fundingSource(),
                command.startDate(), command.endDate(), requested, plan, notes);
    }

    /** {@code runtimeKnown}: both dates are given and within the calendar, so plan years can be held against them. */
    private static List<AnnualPlanEntry> annualPlan(List<FieldError> errors, ApplicationCommand command,
                                                    @Nullable BigDecimal requested, boolean runtimeKnown) {
        if (command.annualPlan() == null || command.annualPlan().isEmpty()) {
            return List.of();
        }
        List<AnnualPlanEntry> plan = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (int i = 0; i < command.annualPlan().size(); i++) {
            AnnualPlanEntry entry = command.annualPlan().get(i);
            String field = "annualPlan[" + i + "]";
            if (entry == null) {
                errors.add(new FieldError(field, RuleCode.PLAN_ENTRY));
                complete = false;
                continue;
            }
            if (entry.year() == null) {
                errors.add(new FieldError(field + ".year", RuleCode.REQUIRED));
                complete = false;
            } else if (!years.add(entry.year())) {
                errors.add(new FieldError(field + ".year", RuleCode.PLAN_YEAR_DUPLICATE));
            } else if (Dates.acceptYear(errors, field + ".year", entry.year()) && runtimeKnown
                    && (entry.year() < command.startDate().getYear() || entry.year() > command.endDate().getYear())) {
                errors.add(new FieldError(field + ".year", RuleCode.PLAN_YEAR_RUNTIME,
                        command.startDate().getYear(), command.endDate().getYear()));
            }
            BigDecimal amount = Money.accept(errors, field + ".amount", entry.amount(), false);
            if (amount == null) {
                complete = false;
            } else {
                sum = sum.add(amount);
                plan.add(new AnnualPlanEntry(entry.year(), amount));
            }
        }
        if (complete && requested != null && sum.compareTo(requested) != 0) {
            errors.add(new FieldError("annualPlan", RuleCode.PLAN_SUM, Money.exact(sum), requested));
        }
        plan.sort(Comparator.comparing(AnnualPlanEntry::year, Comparator.nullsFirst(Comparator.naturalOrder())));
        return plan;
    }

    /** Whether the date is given and within the registry's calendar; where not, records why. */
    private static boolean date(List<FieldError> errors, String field, @Nullable LocalDate date) {
        if (date == null) {
            errors.add(new FieldError(field, RuleCode.REQUIRED));
            return false;
        }
        return Dates.accept(errors, field, date);
    }

    static void required(List<FieldError> errors, String field, @Nullable Object value) {
        if (value == null) {
            errors.add(new FieldError(field, RuleCode.REQUIRED));
        }
    }
}
