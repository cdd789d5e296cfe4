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

    /** An amendment {@code a} awaits its second pair of eyes: it needs one, and nobody has reviewed it yet. */
    String PENDING = "a.needs_second_pair AND NOT EXISTS (SELECT 1 FROM amendment_review r WHERE r.amendment_id = a.id)";

    Amendment save(Amendment amendment);

    Optional<Amendment> findByIdAndApplicationId(Long id, Long applicationId);

    List<Amendment> findByApplicationIdOrderById(Long applicationId);

    /** Amendments awaiting their second pair of eyes. */
    @Query("""
            SELECT a.* FROM amendment a
            WHERE a.application_id = :applicationId AND\s""" + PENDING)
    List<Amendment> findPending(Long applicationId);

    /** Amendments awaiting a second pair of eyes that {@code :reviewer} may lend: proposed by someone else; oldest first. */
    @Query("""
            SELECT a.id, a.application_id, f.reference, f.title, a.gross_amount, a.recorded_by, a.recorded_at
            FROM amendment a JOIN funding_application f ON f.id = a.application_id
            WHERE a.recorded_by <> :reviewer AND\s""" + PENDING + " ORDER BY a.id LIMIT :limit OFFSET :offset")
    List<PendingAmendment> findPendingFor(String reviewer, int limit, long offset);

    @Query("SELECT COUNT(*) FROM amendment a WHERE a.recorded_by <> :reviewer AND " + PENDING)
    long countPendingFor(String reviewer);
}
