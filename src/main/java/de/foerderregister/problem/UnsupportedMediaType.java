package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A file of a type the registry does not keep, told by its bytes: 415 naming the type found. */
public final class UnsupportedMediaType extends RegistryException {

    public UnsupportedMediaType(String detail, FieldError error) {
        super(detail, List.of(error));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    }
}
