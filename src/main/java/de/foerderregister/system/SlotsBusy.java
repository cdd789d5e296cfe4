package de.foerderregister.system;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * No {@link WorkSlots slot} for this request: the caller's own piece of that work is still running
 * (429), or all of the instance's slots are taken (503); either way worth trying again later.
 */
public final class SlotsBusy extends RegistryException {

    private final HttpStatus status;
    private final Duration retryAfter;

    private SlotsBusy(String detail, FieldError error, HttpStatus status, Duration retryAfter) {
        super(detail, List.of(error));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static SlotsBusy userBusy(WorkSlots.Refusal refusal, String username) {
        return new SlotsBusy("A " + refusal.work() + " of " + username + " is still running; one runs at a time per user.",
                new FieldError(refusal.field(), refusal.userBusy()), HttpStatus.TOO_MANY_REQUESTS, refusal.retryAfter());
    }

    static SlotsBusy allTaken(WorkSlots.Refusal refusal, int slots) {
        return new SlotsBusy("All " + slots + " " + refusal.work() + " slots are in use. Please try again in a few seconds.",
                new FieldError(refusal.field(), refusal.allTaken(), slots), HttpStatus.SERVICE_UNAVAILABLE, refusal.retryAfter());
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
