package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Well-formed input that breaks a rule of the registry: 422 with every offending field. */
public final class InvalidInput extends RegistryException {

    public InvalidInput(List<FieldError> errors) {
        super("The input breaks " + errors.size() + (errors.size() == 1 ? " rule." : " rules."), errors);
    }

    public static InvalidInput of(String field, RuleCode rule, Object... arguments) {
        return new InvalidInput(List.of(new FieldError(field, rule, arguments)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }
}
