package de.foerderregister.problem;

import de.foerderregister.system.Messages;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Parameters and bodies that cannot be read at all: malformed JSON, a non-numeric id, an unknown
 * enum constant in the query. The framework's own messages name Java classes; these answers name
 * the parameter and what it should look like. Bodies are read by {@link JsonBodies}.
 */
@Factory
public class UnreadableInputHandlers {

    @Singleton
    @Replaces(JsonExceptionHandler.class)
    ExceptionHandler<JsonSyntaxException, HttpResponse<Problem>> malformedJson(Messages messages) {
        return (request, exception) -> ProblemResponses.respond(
                new BadRequest("body", RuleCode.JSON_MALFORMED).toProblem(), messages, request);
    }

    @Singleton
    @Replaces(ConversionErrorHandler.class)
    ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> unconvertible(Messages messages) {
        return (request, exception) -> ProblemResponses.respond(new BadRequest(List.of(
                expectation(exception.getArgument().getName(), exception.getArgument()))).toProblem(), messages, request);
    }

    static FieldError expectation(String field, Argument<?> type) {
        Class<?> javaType = type.getType();
        if (javaType.isEnum()) {
            return new FieldError(field, RuleCode.VALUE_ONE_OF, Arrays.toString(javaType.getEnumConstants()));
        }
        if (javaType == LocalDate.class) {
            return new FieldError(field, RuleCode.VALUE_DATE);
        }
        if (javaType == BigDecimal.class) {
            return new FieldError(field, RuleCode.VALUE_DECIMAL);
        }
        if (javaType == Integer.class || javaType == int.class || javaType == Long.class || javaType == long.class) {
            return new FieldError(field, RuleCode.VALUE_WHOLE_NUMBER);
        }
        if (javaType == Boolean.class || javaType == boolean.class) {
            return new FieldError(field, RuleCode.VALUE_BOOLEAN);
        }
        if (javaType == String.class) {
            return new FieldError(field, RuleCode.VALUE_TEXT);
        }
        return new FieldError(field, RuleCode.VALUE_TYPE);
    }
}
