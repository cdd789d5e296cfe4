package de.foerderregister.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** Failed logins: counted per username within a window, forgotten after a success or when old. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LoginFailureRepository extends GenericRepository<LoginFailure, Long> {

    LoginFailure save(LoginFailure failure);

    long countByUsernameAndFailedAtGreaterThan(String username, Instant since);

    @Query("DELETE FROM login_failure WHERE username = :username OR failed_at < :before")
    void forget(String username, Instant before);
}
