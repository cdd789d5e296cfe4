package de.foerderregister.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signed token must also be to be accepted (401 otherwise): issued here ({@code iss}), with
 * an expiry ({@code exp}; Micronaut accepts a token without one), for an account that still
 * exists and is enabled, with the role and state that account has now, and of the account's current
 * session generation ({@code gen}). Logging out, disabling, changing role, state or password raise
 * the generation in the database, so every earlier token fails at once, on every instance: the
 * account is read for each request, nothing is cached. A token of a configured identity provider (single sign-on)
 * is not a session: it passes here on its expiry alone and is judged by {@link ProviderTokens}.
 */
@Singleton
public class SessionClaims<T> implements GenericJwtClaimsValidator<T> {

    static final String GENERATION_CLAIM = "gen";

    private final AccountSessionRepository sessions;
    private final SsoProviders providers;
    private final String issuer;

    public SessionClaims(AccountSessionRepository sessions, SsoProviders providers, @Value("${registry.jwt.issuer}") String issuer) {
        this.sessions = sessions;
        this.providers = providers;
        this.issuer = issuer;
    }

    /**
     * What a session of the account carries, for the token to be signed: the account's name, its role, its state
     * and its session generation. Password and single sign-on alike start a session from this.
     */
    public static Authentication sessionOf(UserAccount user) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(GENERATION_CLAIM, user.sessionGeneration());
        if (user.stateCode() != null) {
            attributes.put(Caller.STATE_CLAIM, user.stateCode().name());
        }
        return Authentication.build(user.username(), List.of(user.role().name()), attributes);
    }

    @Override
    public boolean validate(Claims claims, T request) {
        if (providers.byIssuer(claims.get("iss")).isPresent()) {
            // a provider's token: its key was the provider's own (IssuerBoundSignatures); its audience and the user's
            // role are checked where it becomes a caller (ProviderTokens), or for an ID token by the OpenID client
            return claims.get("exp") != null;
        }
        if (!issuer.equals(claims.get("iss")) || claims.get("exp") == null
                || !(claims.get("sub") instanceof String username) || !(claims.get(GENERATION_CLAIM) instanceof Long generation)) {
            return false;
        }
        Optional<AccountSession> account = sessions.find(username);
        return account.filter(AccountSession::enabled)
                .filter(user -> user.username().equals(username))
                .filter(user -> user.sessionGeneration() == generation)
                .filter(user -> List.of(user.role().name()).equals(claims.get("roles")))
                .filter(user -> Objects.equals(user.stateCode() == null ? null : user.stateCode().name(),
                        claims.get(Caller.STATE_CLAIM)))
                .isPresent();
    }
}
