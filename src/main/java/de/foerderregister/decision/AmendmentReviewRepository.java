package de.foerderregister.decision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AmendmentReviewRepository extends GenericRepository<AmendmentReview, Long> {

    AmendmentReview save(AmendmentReview review);

    Optional<AmendmentReview> findById(Long amendmentId);

    List<AmendmentReview> findByAmendmentIdIn(Collection<Long> amendmentIds);
}
