package de.foerderregister.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
public class RegistryExceptionHandler implements ExceptionHandler<RegistryException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RegistryException exception) {
        return ProblemResponses.respond(exception.toProblem());
    }
}
