package de.foerderregister.application;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApplicationRepository extends CrudRepository<FundingApplication, Long>,
        JpaSpecificationExecutor<FundingApplication> {

    Optional<FundingApplication> findByIdAndOwnerState(Long id, StateCode ownerState);

    /** Locks the row until the transaction ends: concurrent changes of one application queue up. */
    Optional<FundingApplication> findByIdForUpdate(Long id);
}
