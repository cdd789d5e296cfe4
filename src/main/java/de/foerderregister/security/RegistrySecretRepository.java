package de.foerderregister.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegistrySecretRepository extends GenericRepository<RegistrySecret, String> {

    /** Keeps the first secret written: instances starting together agree on one. */
    @Query("INSERT IGNORE INTO registry_secret (name, secret, created_at) VALUES (:name, :secret, :createdAt)")
    void offer(String name, String secret, Instant createdAt);

    Optional<RegistrySecret> findById(String name);
}
