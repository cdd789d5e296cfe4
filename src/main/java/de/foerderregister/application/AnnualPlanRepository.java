package de.foerderregister.application;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AnnualPlanRepository extends CrudRepository<AnnualPlanLine, Long> {

    List<AnnualPlanLine> findByApplicationIdOrderByYear(Long applicationId);

    /** The plans of a whole page of applications in one statement. */
    List<AnnualPlanLine> findByApplicationIdInOrderByYear(Collection<Long> applicationIds);

    void deleteByApplicationId(Long applicationId);
}
