package de.foerderregister.security;

import de.foerderregister.system.TrustedProxies;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * {@code POST /login}: username and password against the stored bcrypt hash. The attempt is
 * reserved with the throttle before bcrypt runs. An unknown user, a disabled one and a wrong
 * password all answer the same, after the same bcrypt work; so do an external account (single
 * sign-on: it has no password here) and, with {@code registry.sso.local-login: admin-only}, every
 * account but an administrator's, even with the right password: the answer tells nobody whether
 * the account exists or the password was right.
 */
@Singleton
public class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** The column's width: a longer name cannot exist, and is not looked up. */
    private static final int USERNAME_MAX = 64;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TrustedProxies proxies;

    private final LocalLogin localLogin;

    public PasswordLogin(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, TrustedProxies proxies,
                         @Value("${registry.sso.local-login:all}") String localLogin) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.proxies = proxies;
        this.localLogin = LocalLogin.of(localLogin);
    }

    /** Whether the login page offers its form to everyone, or to administrators only. */
    public LocalLogin localLogin() {
        return localLogin;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> login) {
        String password = login.getSecret() == null ? "" : login.getSecret();
        String username = login.getIdentity() == null ? "" : login.getIdentity();
        LoginThrottle.Reservation attempt = throttle.reserve(username, request == null ? "unknown" : proxies.clientAddress(request).getHostAddress());
        Optional<UserAccount> account = username.length() <= USERNAME_MAX ? users.findByUsername(username) : Optional.empty();
        boolean matches;
        if (account.isPresent() && account.get().enabled() && !account.get().external()) {
            matches = hasher.matches(password, account.get().passwordHash()) && localLogin.admits(account.get().role());
        } else {
            // a disabled account must not confirm its password: it answers like a wrong one, in the same time
            hasher.wasteEqualTime(password);
            matches = false;
        }
        if (!matches) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(attempt);
        Authentication session = SessionClaims.sessionOf(account.get());
        return AuthenticationResponse.success(session.getName(), session.getRoles(), session.getAttributes());
    }
}
