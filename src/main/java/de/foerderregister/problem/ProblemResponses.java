package de.foerderregister.problem;

import de.foerderregister.system.Messages;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Every error the framework answers on its own (unknown route, wrong method, unsupported media
 * type, body too large, missing argument, …) leaves as a problem document. Server-side errors
 * never carry their message: it could name internals.
 */
@Singleton
@Primary
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    private final Messages messages;

    public ProblemResponses(Messages messages) {
        this.messages = messages;
    }

    static final String SERVER_ERROR_DETAIL =
            "The registry could not complete the request. The incident has been logged.";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            RegistryExceptionHandler.REFUSALS.warn("{} for {} on {} {}", status.getCode(),
                    RegistryExceptionHandler.who(context.getRequest()),
                    context.getRequest().getMethod(), context.getRequest().getPath());
        }
        List<FieldError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldError(error.getPath().get(), RuleCode.VALUE_INVALID, error.getMessage()))
                .toList();
        String detail = status.getCode() >= 500
                ? SERVER_ERROR_DETAIL
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        return response.contentType(Problem.MEDIA_TYPE).body(Problem.of(status, detail,
                FieldError.worded(errors, messages, Messages.apiLocale(context.getRequest()))));
    }

    /** A ready response for a problem raised by our own code, its field errors worded in the client's language. */
    public static MutableHttpResponse<Problem> respond(Problem problem, Messages messages, HttpRequest<?> request) {
        Locale locale = Messages.apiLocale(request);
        return respond(problem.withErrors(FieldError.worded(problem.errors(), messages, locale)));
    }

    /** A ready response for a problem without field errors. */
    public static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
    }
}
