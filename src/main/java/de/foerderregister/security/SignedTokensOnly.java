package de.foerderregister.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Only signed tokens (JWTs, checked by {@link IssuerBoundSignatures}, {@link SessionClaims} and {@link ProviderTokens})
 * vouch for a request. Micronaut's OpenID client adds, per provider, a validator that accepts any token the
 * provider's userinfo endpoint answers for: whatever its audience, and with a user that no mapping of the registry
 * has seen (a provider's own {@code roles} claim would become the registry's role). Those are left out.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public class SignedTokensOnly extends TokenAuthenticationFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(SignedTokensOnly.class);

    public SignedTokensOnly(List<TokenValidator<HttpRequest<?>>> validators, TokenResolver<HttpRequest<?>> tokenResolver,
                            ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                            HttpHostResolver httpHostResolver, HttpLocaleResolver httpLocaleResolver) {
        super(signedOnly(validators), tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver);
    }

    private static List<TokenValidator<HttpRequest<?>>> signedOnly(List<TokenValidator<HttpRequest<?>>> validators) {
        validators.stream().filter(validator -> !(validator instanceof ReactiveJsonWebTokenValidator))
                .forEach(left -> LOG.debug("Token validator left out: {}", left.getClass().getName()));
        return validators.stream().filter(ReactiveJsonWebTokenValidator.class::isInstance).toList();
    }
}
