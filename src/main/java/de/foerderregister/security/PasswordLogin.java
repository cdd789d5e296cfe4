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

    public PasswordLogin(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> login) {
        String password = login.getSecret() == null ? "" : login.getSecret();
        Optional<UserAccount> account = users.findByUsername(login.getIdentity() == null ? "" : login.getIdentity());
        if (account.isEmpty()) {
            hasher.wasteEqualTime(password);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        UserAccount user = account.get();
        if (!hasher.matches(password, user.passwordHash())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (!user.enabled()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        Map<String, Object> claims = user.stateCode() == null
                ? Map.of()
                : Map.of(Caller.STATE_CLAIM, user.stateCode().name());
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()), claims);
    }
}
