package de.foerderregister.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditChainHeadRepository extends GenericRepository<AuditChainHead, Integer> {

    Optional<AuditChainHead> findById(Integer id);

    /** Serialises audit writers: the chain has one end, so it never forks. */
    Optional<AuditChainHead> findByIdForUpdate(Integer id);

    @Query("UPDATE audit_chain_head SET last_event_id = :lastEventId, last_hash = :lastHash WHERE id = 1")
    void advance(long lastEventId, String lastHash);
}
