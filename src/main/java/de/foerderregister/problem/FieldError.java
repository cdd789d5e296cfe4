package de.foerderregister.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One rejected input: the field (JSON property, query parameter or CSV column) and why. */
@Serdeable
public record FieldError(String field, String message) {
}
