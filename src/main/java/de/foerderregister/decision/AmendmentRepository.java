package de.foerderregister.decision;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Amendments and their reviews are only ever added and read. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AmendmentRepository extends GenericRepository<Amendment, Long> {

    Amendment save(Amendment amendment);

    Optional<Amendment> findByIdAndApplicationId(Long id, Long applicationId);

    List<Amendment> findByApplicationIdOrderById(Long applicationId);

    /** Amendments awaiting their second pair of eyes. */
    @Query("""
            SELECT a.* FROM amendment a
            WHERE a.application_id = :applicationId AND a.needs_second_pair
              AND NOT EXISTS (SELECT 1 FROM amendment_review r WHERE r.amendment_id = a.id)""")
    List<Amendment> findPending(Long applicationId);
}
