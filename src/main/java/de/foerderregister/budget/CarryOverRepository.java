package de.foerderregister.budget;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Carry-overs are only ever added and read. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface CarryOverRepository extends GenericRepository<CarryOver, Long> {

    CarryOver save(CarryOver carryOver);

    List<CarryOver> findByApplicationIdOrderById(Long applicationId);
}
