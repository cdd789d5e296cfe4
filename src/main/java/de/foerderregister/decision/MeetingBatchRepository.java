package de.foerderregister.decision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MeetingBatchRepository extends GenericRepository<MeetingBatch, Long> {

    MeetingBatch save(MeetingBatch batch);
}
