package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Absent, or outside the caller's scope: both answer the same, so scope leaks nothing. */
public final class NotFound extends RegistryException {

    public NotFound(String what) {
        super(what + " does not exist.", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
