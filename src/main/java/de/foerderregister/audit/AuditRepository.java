package de.foerderregister.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Append-only: it saves and reads events; the only write to an existing row fills the hashes of unsealed ones. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends GenericRepository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByApplicationIdOrderById(Long applicationId);

    List<AuditEvent> findBySubjectUsernameOrderById(String subjectUsername);

    /** One chunk of the whole trail in chain order, for verification without loading it all. */
    List<AuditEvent> findTop1000ByIdGreaterThanOrderById(Long afterId);

    boolean existsByApplicationIdAndActorAndActionIn(Long applicationId, String actor, Collection<AuditAction> action);

    /** Events written before the chain existed, oldest first. */
    List<AuditEvent> findByHashIsNullOrderById();

    @Query("UPDATE audit_event SET previous_hash = :previousHash, hash = :hash WHERE id = :id AND hash IS NULL")
    void seal(long id, String previousHash, String hash);
}
