package de.foerderregister.application;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The last reference number drawn in a calendar year. */
@MappedEntity("reference_counter")
public record ReferenceCounter(@Id Integer year, int lastValue) {
}
