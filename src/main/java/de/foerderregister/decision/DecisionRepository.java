package de.foerderregister.decision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Decisions are only ever added and read. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DecisionRepository extends GenericRepository<Decision, Long> {

    Decision save(Decision decision);

    List<Decision> findByApplicationIdOrderById(Long applicationId);

    long countByApplicationId(Long applicationId);
}
