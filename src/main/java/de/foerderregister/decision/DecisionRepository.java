package de.foerderregister.decision;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Decisions are only ever added and read. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DecisionRepository extends GenericRepository<Decision, Long> {

    Decision save(Decision decision);

    List<Decision> findByApplicationIdOrderById(Long applicationId);

    @Query("SELECT " + ApprovedAmountSql.AS_OF + " AS amount FROM funding_application a WHERE a.id = :applicationId")
    Optional<BigDecimal> approvedAsOf(Long applicationId, LocalDate asOf);
}
