package de.foerderregister.status;

import de.foerderregister.application.ApplicationPaging;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.TrafficLight;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/portfolio")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortfolioController {

    private final Portfolio portfolio;

    public PortfolioController(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    /** {@code light} is the overall light, the worst of the three: {@code light=RED} is every project with a red light. */
    @Get
    public PortfolioView portfolio(Caller caller,
                                   @Nullable @QueryValue StateCode ownerState,
                                   @Nullable @QueryValue FundingSource fundingSource,
                                   @Nullable @QueryValue TrafficLight light,
                                   @Nullable @QueryValue Integer page,
                                   @Nullable @QueryValue Integer size,
                                   @Nullable @QueryValue String sort) {
        return portfolio.show(caller, ownerState, fundingSource, light, ApplicationPaging.of(page, size, sort));
    }
}
