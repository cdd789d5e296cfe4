package de.foerderregister.status;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StatusReportRepository extends GenericRepository<StatusReport, Long> {

    StatusReport save(StatusReport report);

    /**
     * Newest first. The id is the order in which the reports were written under the application's
     * row lock, the same order that decides which report the application shows as its latest.
     */
    List<StatusReport> findByApplicationIdOrderByIdDesc(long applicationId);
}
