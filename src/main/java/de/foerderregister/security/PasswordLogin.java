package de.foerderregister.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /login}: username and password against the stored bcrypt hash. */
@Singleton
public class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public PasswordLogin(UserRepository users, PasswordHasher hasher, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> login) {
        String password = login.getSecret() == null ? "" : login.getSecret();
        String username = login.getIdentity() == null ? "" : login.getIdentity();
        throttle.check(username);
        Optional<UserAccount> account = users.findByUsername(username);
        if (account.isEmpty()) {
            hasher.wasteEqualTime(password);
            throttle.failed(username);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        UserAccount user = account.get();
        if (!hasher.matches(password, user.passwordHash())) {
            throttle.failed(username);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(username);
        if (!user.enabled()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        Map<String, Object> claims = user.stateCode() == null
                ? Map.of()
                : Map.of(Caller.STATE_CLAIM, user.stateCode().name());
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()), claims);
    }
}
