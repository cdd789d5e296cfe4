package de.foerderregister.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.Optional;

/**
 * Turns a verified token into the request's user. The registry's own tokens (sessions) as Micronaut does; a
 * provider's access token on the API only if it names the provider's configured audience for the registry (so an ID
 * token, or a token meant for another service, is refused), and then as the local account the claims map to, by the
 * same mapping as the sign-in of the pages ({@link ExternalAccounts}), and only with an expiry. Claims that map to no role, or a disabled
 * account: no user, so the API answers 401.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class ProviderTokens extends DefaultJwtAuthenticationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderTokens.class);

    private final SsoProviders providers;
    private final ExternalAccounts accounts;

    public ProviderTokens(TokenConfiguration tokenConfiguration, RolesFinder rolesFinder, SsoProviders providers,
                          ExternalAccounts accounts) {
        super(tokenConfiguration, rolesFinder);
        this.providers = providers;
        this.accounts = accounts;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.empty();
        }
        Optional<SsoProviders.Provider> provider = providers.byIssuer(claims.getIssuer());
        if (provider.isEmpty()) {
            return super.createAuthentication(token);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(provider.get().settings().audience())) {
            LOG.info("A token of the identity provider '{}' without the audience '{}' was refused", provider.get().name(),
                    provider.get().settings().audience());
            return Optional.empty();
        }
        if (claims.getExpirationTime() == null) {
            // Micronaut lets a token without exp live for ever; a provider's token is never a lasting credential
            LOG.info("A token of the identity provider '{}' without an expiry was refused", provider.get().name());
            return Optional.empty();
        }
        ExternalAccounts.SignIn signIn = accounts.signIn(provider.get().settings(), claims.getClaims());
        if (signIn.refusal() != null) {
            LOG.info("A token of the identity provider '{}' was refused: {}", provider.get().name(), signIn.refusal().code());
        }
        return signIn.signedIn().map(SessionClaims::sessionOf);
    }
}
