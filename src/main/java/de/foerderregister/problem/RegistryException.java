package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A refusal the client can act on. Each subclass fixes the HTTP status, so the service layer
 * says what went wrong in domain terms and {@link RegistryExceptionHandler} maps it once.
 */
public abstract class RegistryException extends RuntimeException {

    private final transient List<FieldError> errors;

    protected RegistryException(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public abstract HttpStatus status();

    public List<FieldError> errors() {
        return errors;
    }

    /** When a refusal for load or rate should be tried again ({@code Retry-After}); empty for the others. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    public Problem toProblem() {
        return Problem.of(status(), getMessage(), errors);
    }
}
