package de.foerderregister.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Append-only by construction: it can save and read, and nothing else. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends GenericRepository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByApplicationIdOrderById(Long applicationId);
}
