package de.foerderregister.obligation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubmissionRepository extends GenericRepository<Submission, Long> {

    Submission save(Submission submission);

    Submission update(Submission submission);

    List<Submission> findByObligationIdInOrderById(Collection<Long> obligationIds);

    /** The submission under review; the caller holds the obligation's lock. */
    @Query("SELECT * FROM obligation_submission WHERE obligation_id = :obligationId ORDER BY id DESC LIMIT 1")
    Optional<Submission> findLatest(long obligationId);
}
