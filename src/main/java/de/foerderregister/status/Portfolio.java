package de.foerderregister.status;

import de.foerderregister.application.ApplicationFilter;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.LightFilter;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.application.TrafficLight;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The portfolio: the approved projects with their latest lights, for FITKO and FINANCE across all
 * states, for a state its own. The projects are the application list's (same scope, same filters),
 * so the portfolio and the list never disagree about a project.
 */
@Singleton
public class Portfolio {

    private final ApplicationService applications;
    private final PortfolioRepository repository;

    public Portfolio(ApplicationService applications, PortfolioRepository repository) {
        this.applications = applications;
        this.repository = repository;
    }

    /** One snapshot: the counts are those of the listed selection, however many pages it has. */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public PortfolioView show(Caller caller, @Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                              @Nullable TrafficLight light, Pageable pageable) {
        caller.requireRole("read the portfolio", Role.STATE, Role.FITKO, Role.FINANCE);
        return new PortfolioView(counts(caller, ownerState, fundingSource, light),
                applications.list(caller, new ApplicationFilter(ownerState, Status.APPROVED, null, fundingSource, null,
                        LightFilter.overall(light)), pageable));
    }

    private PortfolioCounts counts(Caller caller, @Nullable StateCode ownerState, @Nullable FundingSource fundingSource,
                                   @Nullable TrafficLight light) {
        return PortfolioCounts.of(repository.countByLights(caller.stateScope().map(Enum::name).orElse(null),
                ownerState == null ? null : ownerState.name(), fundingSource == null ? null : fundingSource.name(),
                light == null ? null : light.name()));
    }
}
