package de.foerderregister.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A secret generated once and kept with the data, shared by every instance on the database. */
@MappedEntity("registry_secret")
public record RegistrySecret(@Id String name, String secret, Instant createdAt) {
}
