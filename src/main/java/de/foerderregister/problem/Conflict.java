package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** The request contradicts the current state of the object: a forbidden status move, a lost race, a duplicate. */
public class Conflict extends RegistryException {

    public Conflict(String detail) {
        super(detail, List.of());
    }

    protected Conflict(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
