package de.foerderregister.security;

import de.foerderregister.system.TrustedProxies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login}: username and password against the stored bcrypt hash. The attempt is
 * reserved with the throttle before bcrypt runs. An unknown user, a disabled one and a wrong
 * password all answer the same, after the same bcrypt work.
 */
@Singleton
public class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** The column's width: a longer name cannot exist, and is not looked up. */
    private static final int USERNAME_MAX = 64;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TrustedProxies proxies;

    public PasswordLogin(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, TrustedProxies proxies) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.proxies = proxies;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> login) {
        String password = login.getSecret() == null ? "" : login.getSecret();
        String username = login.getIdentity() == null ? "" : login.getIdentity();
        LoginThrottle.Reservation attempt = throttle.reserve(username, request == null ? "unknown" : proxies.clientAddress(request).getHostAddress());
        Optional<UserAccount> account = username.length() <= USERNAME_MAX ? users.findByUsername(username) : Optional.empty();
        boolean matches;
        if (account.isPresent() && account.get().enabled()) {
            matches = hasher.matches(password, account.get().passwordHash());
        } else {
            // a disabled account must not confirm its password: it answers like a wrong one, in the same time
            hasher.wasteEqualTime(password);
            matches = false;
        }
        if (!matches) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(attempt);
        UserAccount user = account.get();
        Map<String, Object> claims = new HashMap<>();
        claims.put(SessionClaims.GENERATION_CLAIM, user.sessionGeneration());
        if (user.stateCode() != null) {
            claims.put(Caller.STATE_CLAIM, user.stateCode().name());
        }
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()), claims);
    }
}
