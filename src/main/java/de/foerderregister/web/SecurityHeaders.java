package de.foerderregister.web;

import de.foerderregister.security.SsoProviders;
import de.foerderregister.system.TrustedProxies;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;

/**
 * The browser-facing protections of every answer, pages, API and errors alike: a strict Content
 * Security Policy (scripts and styles only from files of this site, never inline; no framing; forms
 * only to this site), no MIME sniffing, no referrer beyond this site, nothing cached (pages and API
 * answers carry personal and budget data; the style sheet and the API documentation may be cached),
 * and HSTS where the request came over HTTPS. Runs first, so a refusal of security is covered too.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Singleton
public class SecurityHeaders implements HttpServerFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /**
     * Swagger UI's page starts itself with an inline script and sets inline styles; only its own
     * pages get this looser policy, which still allows nothing from another site.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_UI = "/swagger-ui/";
    /** Static files of the registry: the same for everyone, so caching them is fine. */
    private static final List<String> STATIC = List.of("/ui/assets/", SWAGGER_UI, "/swagger/");
    private static final String ONE_YEAR = "max-age=31536000";

    private final TrustedProxies proxies;
    private final String policy;

    public SecurityHeaders(TrustedProxies proxies, SsoProviders providers) {
        this.proxies = proxies;
        // the logout form of a user of an identity provider is answered with a redirect to the provider's logout,
        // and browsers hold a form's redirects to form-action too: the providers' origins, and only they, are added
        this.policy = providers.origins().isEmpty() ? POLICY
                : POLICY.replace("form-action 'self'", "form-action 'self' " + String.join(" ", providers.origins()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        boolean https = proxies.cameOverHttps(request);
        return Publishers.map(chain.proceed(request), response -> {
            MutableHttpHeaders headers = response.getHeaders();
            headers.set("Content-Security-Policy", path.startsWith(SWAGGER_UI) ? SWAGGER_UI_POLICY : policy);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            if (STATIC.stream().noneMatch(path::startsWith)) {
                headers.set("Cache-Control", "no-store");
            }
            if (https) {
                headers.set("Strict-Transport-Security", ONE_YEAR);
            }
            return response;
        });
    }
}
