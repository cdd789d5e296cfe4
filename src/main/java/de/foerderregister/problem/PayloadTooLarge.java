package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A body above a limit of its own route, found while it is read: 413 naming the limit. */
public final class PayloadTooLarge extends RegistryException {

    public PayloadTooLarge(String detail, FieldError error) {
        super(detail, List.of(error));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
    }
}
