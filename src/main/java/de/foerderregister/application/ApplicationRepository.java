package de.foerderregister.application;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApplicationRepository extends CrudRepository<FundingApplication, Long>,
        JpaSpecificationExecutor<FundingApplication> {

    Optional<FundingApplication> findByIdAndOwnerState(Long id, StateCode ownerState);

    /** Locks the row until the transaction ends: concurrent changes of one application queue up. */
    Optional<FundingApplication> findByIdForUpdate(Long id);

    /** Sets the lights alone: neither the version nor the time of the last change moves, as the content stays. */
    @Query("""
            UPDATE funding_application
            SET latest_status_schedule = :schedule, latest_status_budget = :budget, latest_status_quality = :quality,
                latest_status_overall = :overall, latest_status_reported_at = :reportedAt
            WHERE id = :id""")
    void updateLatestStatus(long id, TrafficLight schedule, TrafficLight budget, TrafficLight quality,
                            TrafficLight overall, Instant reportedAt);

    List<FundingApplication> findByIdIn(Collection<Long> ids);
}
