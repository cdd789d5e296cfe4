package de.foerderregister.status;

import de.foerderregister.application.FundingApplication;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PortfolioRepository extends GenericRepository<FundingApplication, Long> {

    /**
     * The approved projects counted per combination of latest lights, at most 28 rows. {@code scope}
     * is the caller's state, {@code ownerState} the filter: a state asking for another state's
     * projects counts none. Served by ix_funding_application_portfolio alone.
     */
    @Query("""
            SELECT a.latest_status_overall AS overall, a.latest_status_schedule AS schedule,
                   a.latest_status_budget AS budget, a.latest_status_quality AS quality, COUNT(*) AS projects
            FROM funding_application a
            WHERE a.status = 'APPROVED'
              AND (:scope IS NULL OR a.owner_state = :scope)
              AND (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:fundingSource IS NULL OR a.funding_source = :fundingSource)
              AND (:light IS NULL OR a.latest_status_overall = :light)
            GROUP BY a.latest_status_overall, a.latest_status_schedule, a.latest_status_budget, a.latest_status_quality""")
    List<LightGroup> countByLights(@Nullable String scope, @Nullable String ownerState, @Nullable String fundingSource,
                                   @Nullable String light);
}
