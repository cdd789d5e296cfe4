package de.foerderregister.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/**
 * One rejected input: the field (JSON property, query parameter or CSV column), the {@link RuleCode}
 * it breaks and the arguments of that rule's text. {@code message} is the text in the reader's
 * language, filled in by {@link de.foerderregister.system.Messages#render} where the answer leaves;
 * the rules themselves never word anything. Import rows stored before the codes existed have a
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

    public FieldError withMessage(String text) {
        return new FieldError(field, code, arguments, text);
    }

    public boolean is(RuleCode rule) {
        return rule.code().equals(code);
    }
}
