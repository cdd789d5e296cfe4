package de.foerderregister.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * The end of a sign-in through an identity provider, after Micronaut checked the ID token (signature by the
 * provider's keys, issuer, audience = the registry's client, nonce, expiry): the claims become the local account
 * ({@link ExternalAccounts}), whose session the pages then open exactly as after a password login. A refusal names
 * its {@link SsoRefusal} code as the failure's message, for the page to show.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
public class SsoSignIn implements OpenIdAuthenticationMapper {

    private static final Logger LOG = LoggerFactory.getLogger(SsoSignIn.class);

    private final SsoProviders providers;
    private final ExternalAccounts accounts;
    private final Scheduler blocking;

    public SsoSignIn(SsoProviders providers, ExternalAccounts accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.providers = providers;
        this.accounts = accounts;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                          OpenIdClaims openIdClaims, State state) {
        // the account is read and written in the database: not on the HTTP client's event loop
        return Mono.fromCallable(() -> signIn(providerName, openIdClaims)).subscribeOn(blocking);
    }

    private AuthenticationResponse signIn(String providerName, OpenIdClaims claims) {
        SsoProviders.Provider provider = providers.byName(providerName).orElseThrow();
        ExternalAccounts.SignIn signIn = accounts.signIn(provider.settings(), claims.getClaims());
        if (signIn.refusal() != null) {
            LOG.info("A sign-in through the identity provider '{}' was refused: {}", providerName, signIn.refusal().code());
            return AuthenticationResponse.failure(signIn.refusal().code());
        }
        Authentication session = SessionClaims.sessionOf(signIn.signedIn().orElseThrow());
        return AuthenticationResponse.success(session.getName(), session.getRoles(), session.getAttributes());
    }
}
