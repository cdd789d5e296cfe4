package de.foerderregister.system;

import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * {@code /health} for everyone, its details for ADMIN only. A load balancer needs the status
 * without a token; the details name the database's JDBC URL (host and port) and the disk, which
 * are the operators' business, not every signed-in user's. Micronaut's own choices
 * ({@code details-visible}: ANONYMOUS, AUTHENTICATED, NEVER) have no role in them, so this
 * replacement of its endpoint decides the level of detail by the caller's role.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class HealthDetails extends HealthEndpoint {

    public HealthDetails(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                         @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return principal instanceof Authentication authentication && authentication.getRoles().contains(Role.ADMIN.name())
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS
                : HealthLevelOfDetail.STATUS;
    }
}
