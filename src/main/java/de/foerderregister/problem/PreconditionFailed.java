package de.foerderregister.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** The client's If-Match names a version that is no longer current. */
public final class PreconditionFailed extends RegistryException {

    public PreconditionFailed(long expected, long current) {
        this("If-Match names version " + expected + ", but the current version is " + current
                + ". Reload and apply the change again.");
    }

    public PreconditionFailed(String detail) {
        super(detail, List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PRECONDITION_FAILED;
    }
}
