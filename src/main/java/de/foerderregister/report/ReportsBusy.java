package de.foerderregister.report;

import de.foerderregister.problem.RegistryException;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * No report slot for this request: all are taken (503), or the caller already has a report
 * rendering (429) — one user's burst must not keep everyone else's reports waiting.
 */
public final class ReportsBusy extends RegistryException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final HttpStatus status;

    private ReportsBusy(String detail, HttpStatus status) {
        super(detail, List.of());
        this.status = status;
    }

    static ReportsBusy allSlotsTaken(int slots) {
        return new ReportsBusy("All " + slots + " report slots are in use. Please try again in a few seconds.",
                HttpStatus.SERVICE_UNAVAILABLE);
    }

    static ReportsBusy oneRunningAlready(String username) {
        return new ReportsBusy("A report of " + username + " is still being rendered; one runs at a time per user."
                + " Please try again when it is done.", HttpStatus.TOO_MANY_REQUESTS);
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(RETRY_AFTER);
    }
}
