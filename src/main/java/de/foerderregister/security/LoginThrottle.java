package de.foerderregister.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing: after {@code registry.login.max-failures} failed logins for one
 * username within {@code registry.login.window}, further attempts answer 429 until the window has
 * passed, whether the password would be right or not. Kept in the database, so every instance
 * counts the same attempts.
 */
@Singleton
public class LoginThrottle {

    private final LoginFailureRepository failures;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(LoginFailureRepository failures, Clock clock,
                         @Value("${registry.login.max-failures:5}") int maxFailures,
                         @Value("${registry.login.window:15m}") Duration window) {
        this.failures = failures;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Refuses with 429 while the username has too many recent failures. */
    public void check(String username) {
        if (failures.countByUsernameAndFailedAtGreaterThan(key(username), clock.instant().minus(window)) >= maxFailures) {
            throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins for this user. Try again in "
                    + window.toMinutes() + " minutes.");
        }
    }

    public void failed(String username) {
        failures.save(new LoginFailure(null, key(username), clock.instant()));
    }

    public void succeeded(String username) {
        Instant now = clock.instant();
        failures.forget(key(username), now.minus(window));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
