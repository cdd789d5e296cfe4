package de.foerderregister.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;

@Singleton
public class RegistryExceptionHandler implements ExceptionHandler<RegistryException, HttpResponse<Problem>> {

    /** Refused authorisations go to a logger of their own, so operators can watch and alert on them. */
    static final Logger REFUSALS = LoggerFactory.getLogger("de.foerderregister.security.refusals");

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RegistryException exception) {
        if (exception instanceof Forbidden) {
            REFUSALS.warn("403 for {} on {} {}: {}", who(request), request.getMethod(), request.getPath(),
                    exception.getMessage());
        }
        return ProblemResponses.respond(exception.toProblem());
    }

    static String who(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName).orElse("anonymous");
    }
}
