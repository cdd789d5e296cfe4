package de.foerderregister.report;

import de.foerderregister.problem.RegistryException;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** All report slots are taken: the caller should retry rather than the server run out of memory. */
public final class ReportsBusy extends RegistryException {

    ReportsBusy(int slots) {
        super("All " + slots + " report slots are in use. Please try again in a few seconds.", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
