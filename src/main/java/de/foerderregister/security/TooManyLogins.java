package de.foerderregister.security;

import de.foerderregister.problem.RegistryException;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** 429: too many failed logins for this username or from this address; it does not say which. */
public final class TooManyLogins extends RegistryException {

    private final transient Duration wait;

    public TooManyLogins(Duration wait) {
        super("Too many failed logins. Try again in " + Math.max(1, wait.toMinutes()) + " minutes.", List.of());
        this.wait = wait;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(wait);
    }
}
