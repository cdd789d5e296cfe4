package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.problem.RuleCode;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * No import slot for this request: the caller has an import running already (429), or all of the
 * instance's slots are taken (503). Each import holds a thread, a temporary file and a pooled
 * connection, so a burst of jobs must not take the registry's pool.
 */
final class ImportsBusy extends RegistryException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final HttpStatus status;

    private ImportsBusy(String detail, FieldError error, HttpStatus status) {
        super(detail, List.of(error));
        this.status = status;
    }

    static ImportsBusy oneRunningAlready(String username) {
        return new ImportsBusy("An import of " + username + " is still running; one runs at a time per user.",
                new FieldError("body", RuleCode.IMPORT_RUNNING), HttpStatus.TOO_MANY_REQUESTS);
    }

    static ImportsBusy allSlotsTaken(int slots) {
        return new ImportsBusy("All " + slots + " import slots are in use. Please try again in a few seconds.",
                new FieldError("body", RuleCode.IMPORT_ALL_SLOTS_TAKEN, slots), HttpStatus.SERVICE_UNAVAILABLE);
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
