package de.foerderregister.web;

import de.foerderregister.budget.OverCommitmentReason;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.system.GermanNotation;
import io.micronaut.core.annotation.Nullable;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RegistryException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A submitted form: the raw values as typed (to show them again after an error) and the errors of
 * values that are not even a number or a date. Whether a value is allowed is the services' rule,
 * not this class's.
 */
final class FormInput {

    private final Map<String, String> values;
    final List<FieldError> errors = new ArrayList<>();

    FormInput(@Nullable Map<String, ?> form) {
        this.values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((key, value) -> values.put(key, value instanceof List<?> list && !list.isEmpty()
                    ? String.valueOf(list.get(0)) : value == null ? null : String.valueOf(value)));
        }
    }

    /** The query string's parameters, as a filter form sends them with GET. */
    static FormInput fromQuery(HttpRequest<?> request) {
        return new FormInput(request.getParameters().asMap());
    }

    Map<String, String> values() {
        return values;
    }

    @Nullable String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    boolean checked(String field) {
        return values.containsKey(field) && !"false".equals(values.get(field));
    }

    /** A date as 31.12.2022 (or 2022-12-31); null when empty, or with an error when unreadable. */
    @Nullable LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        LocalDate date = GermanNotation.readDate(value);
        if (date == null) {
            errors.add(new FieldError(field, RuleCode.FORM_DATE));
        }
        return date;
    }

    /** An amount as 1.011.500,00, 1011500,00 or 1011500.00; null when empty, or with an error when unreadable. */
    @Nullable BigDecimal amount(String field) {
        String value = text(field);
        return value == null ? null : amount(field, value);
    }

    @Nullable BigDecimal amount(String field, String value) {
        BigDecimal amount = GermanNotation.readAmount(value);
        if (amount == null) {
            errors.add(new FieldError(field, RuleCode.FORM_AMOUNT));
        }
        return amount;
    }

    /** A year as 2025; null when empty, or with an error when unreadable. */
    @Nullable Integer year(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, RuleCode.FORM_YEAR));
            return null;
        }
    }

    @Nullable <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, RuleCode.FORM_CHOICE));
            return null;
        }
    }

    /** A reason to exceed an envelope, where one was typed: without one the change must fit the envelope. */
    @Nullable OverCommitmentReason overCommitment(String field) {
        String reason = text(field);
        return reason == null ? null : new OverCommitmentReason(reason);
    }

    @Nullable Long version() {
        String value = text("version");
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * Runs what the form asks for, unless a value could not even be read. A refusal that names
     * fields (a value unreadable or against a rule, 422; money that is not there, 409) shows the form
     * again with the reading errors first, then the service's, each once; any other refusal goes on
     * to the error page.
     */
    HttpResponse<?> submit(Supplier<HttpResponse<?>> action,
                           BiFunction<List<FieldError>, HttpStatus, HttpResponse<?>> showAgain) {
        try {
            if (hasErrors()) {
                throw new InvalidInput(errors);
            }
            return action.get();
        } catch (RegistryException refused) {
            if (refused.errors().isEmpty()) {
                throw refused;
            }
            List<FieldError> all = new ArrayList<>(errors);
            refused.errors().stream().filter(error -> !all.contains(error)).forEach(all::add);
            return showAgain.apply(all, refused.status());
        }
    }

    /** The given fields that have a value, as the query string of a link ({@code ?year=2025&…}), or nothing. */
    String queryString(String... fields) {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        for (String field : fields) {
            String value = text(field);
            if (value != null) {
                query.add(field + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
