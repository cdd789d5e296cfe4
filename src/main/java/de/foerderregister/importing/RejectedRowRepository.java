package de.foerderregister.importing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Rejected rows are only ever added; the data-quality findings read them with their own SQL. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RejectedRowRepository extends GenericRepository<RejectedRow, Long> {

    List<RejectedRow> saveAll(Iterable<RejectedRow> rows);
}
