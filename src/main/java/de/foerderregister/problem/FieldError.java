package de.foerderregister.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.foerderregister.system.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One rejected input: the field (JSON property, query parameter or CSV column), the {@link RuleCode}
 * it breaks and the arguments of that rule's text. {@code message} is the text in the reader's
 * language, filled in by {@link #worded} where the answer leaves (the problem handlers, the pages,
 * the import); the rules themselves never word anything. Import rows stored before the codes existed have a
 * message only.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, @Nullable String code, @Nullable List<String> arguments,
                         @Nullable String message) {

    public FieldError(String field, RuleCode code, Object... arguments) {
        this(field, code.code(), Arrays.stream(arguments).map(String::valueOf).toList(), null);
    }

    /** The same error under another field, e.g. a rule's field under the import's column name. */
    public FieldError atField(String otherField) {
        return new FieldError(otherField, code, arguments, message);
    }

    /** The error with its message in the language; an error stored with a message only stays as it is. */
    public FieldError worded(Messages messages, Locale locale) {
        if (code == null) {
            return this;
        }
        return withMessage(messages.text(locale, "rule." + code, (arguments == null ? List.of() : arguments).toArray()));
    }

    public static List<FieldError> worded(List<FieldError> errors, Messages messages, Locale locale) {
        return errors.stream().map(error -> error.worded(messages, locale)).toList();
    }

    public FieldError withMessage(String text) {
        return new FieldError(field, code, arguments, text);
    }

    public boolean is(RuleCode rule) {
        return rule.code().equals(code);
    }
}
