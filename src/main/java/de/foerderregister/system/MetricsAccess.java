package de.foerderregister.system;

import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read the sensitive management endpoints — of those only {@code /prometheus} is switched
 * on: a signed-in ADMIN, or a scraper that sends {@code Authorization: Bearer <registry.metrics.scrape-token>}.
 * The metrics name every route, the pool's state and the traffic, so they are not for anyone on the
 * public port; a token of its own lets Prometheus scrape without a user account that expires.
 * Without a configured scrape token only ADMIN gets in.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class MetricsAccess extends SensitiveEndpointRule {

    private static final String BEARER = "Bearer ";

    private final byte[] scrapeToken;

    public MetricsAccess(EndpointSensitivityProcessor endpointSensitivityProcessor,
                         @Value("${registry.metrics.scrape-token:}") String scrapeToken) {
        super(endpointSensitivityProcessor);
        this.scrapeToken = scrapeToken.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request, Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Role.ADMIN.name()) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    /** The scrape token is no JWT, so its caller arrives here, unauthenticated. */
    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAnonymous(HttpRequest<?> request, ExecutableMethod<?, ?> method) {
        return Publishers.just(hasScrapeToken(request) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private boolean hasScrapeToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (scrapeToken.length == 0 || header == null || !header.startsWith(BEARER)) {
            return false;
        }
        // constant time: the comparison tells nothing about how much of a guess was right
        return MessageDigest.isEqual(scrapeToken, header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
    }
}
