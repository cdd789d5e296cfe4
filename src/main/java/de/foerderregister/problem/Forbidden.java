package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** The caller is known but their role or state does not allow this. */
public final class Forbidden extends RegistryException {

    public Forbidden(String detail) {
        super(detail, List.of());
    }

    /** Refused for the named fields, e.g. the items of a batch the caller may not decide. */
    public Forbidden(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
