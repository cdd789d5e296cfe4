package de.foerderregister.budget;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Over-commitments are only ever added; data quality reads them with the envelopes. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OverCommitmentRepository extends GenericRepository<OverCommitment, Long> {

    OverCommitment save(OverCommitment overCommitment);
}
