package de.foerderregister.problem;

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
    ExceptionHandler<JsonSyntaxException, HttpResponse<Problem>> malformedJson() {
        return (request, exception) ->
                ProblemResponses.respond(new BadRequest(List.of(new FieldError("body", "is not well-formed JSON"))).toProblem());
    }

    @Singleton
    @Replaces(ConversionErrorHandler.class)
    ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> unconvertible() {
        return (request, exception) -> ProblemResponses.respond(new BadRequest(
                exception.getArgument().getName(), expectation(exception.getArgument())).toProblem());
    }

    static String expectation(Argument<?> type) {
        Class<?> javaType = type.getType();
        if (javaType.isEnum()) {
            return "must be one of " + Arrays.toString(javaType.getEnumConstants());
        }
        if (javaType == LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        if (javaType == BigDecimal.class) {
            return "must be a decimal number such as 1011500.00";
        }
        if (javaType == Integer.class || javaType == int.class || javaType == Long.class || javaType == long.class) {
            return "must be a whole number";
        }
        if (javaType == Boolean.class || javaType == boolean.class) {
            return "must be true or false";
        }
        if (javaType == String.class) {
            return "must be a text";
        }
        return "has a value of the wrong type";
    }
}
