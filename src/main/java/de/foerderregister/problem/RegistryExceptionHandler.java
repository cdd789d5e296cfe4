package de.foerderregister.problem;

import de.foerderregister.system.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;

@Singleton
public class RegistryExceptionHandler implements ExceptionHandler<RegistryException, HttpResponse<Problem>> {

    /** Refused authorisations go to a logger of their own, so operators can watch and alert on them. */
    static final Logger REFUSALS = LoggerFactory.getLogger("de.foerderregister.security.refusals");

    private final Messages messages;

    public RegistryExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RegistryException exception) {
        if (exception instanceof Forbidden) {
            REFUSALS.warn("403 for {} on {} {}: {}", who(request), request.getMethod(), request.getPath(),
                    exception.getMessage());
        }
        MutableHttpResponse<Problem> response = ProblemResponses.respond(exception.toProblem(), messages, request);
        // a refusal for load or rate, not for the request: say when to come back
        exception.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, wait.toSeconds()))));
        return response;
    }

    static String who(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName).orElse("anonymous");
    }
}
