package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.stream.Collectors;

/** A request the server cannot read: malformed parameter or body. 400 with each unreadable field. */
public final class BadRequest extends RegistryException {

    public BadRequest(List<FieldError> errors) {
        super("The request could not be read: " + errors.stream()
                .map(FieldError::field).collect(Collectors.joining(", ")) + ".", errors);
    }

    public BadRequest(String field, RuleCode rule, Object... arguments) {
        this(List.of(new FieldError(field, rule, arguments)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
