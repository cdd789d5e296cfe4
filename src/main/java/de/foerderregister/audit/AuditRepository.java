package de.foerderregister.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Append-only: it saves and reads events, and never changes one. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends GenericRepository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByApplicationIdOrderById(Long applicationId);

    List<AuditEvent> findBySubjectUsernameOrderById(String subjectUsername);

    List<AuditEvent> findBySubjectEnvelopeOrderById(String subjectEnvelope);

    /** One chunk of the whole trail in chain order, for verification without loading it all. */
    List<AuditEvent> findTop1000ByIdGreaterThanOrderById(Long afterId);

    /** Of these applications, the ones whose history shows the actor doing one of the actions: one query for a whole batch. */
    @Query("""
            SELECT DISTINCT application_id FROM audit_event
            WHERE application_id IN (:applicationIds) AND actor = :actor AND action IN (:actions)""")
    List<Long> findApplicationsActedOn(Collection<Long> applicationIds, String actor, Collection<String> actions);

    Optional<String> findKeyIdById(Long id);

    /** Whether any event was sealed with a key, that is, by this version of the registry (not legacy, not planted). */
    boolean existsByKeyIdNotEqual(String keyId);
}
