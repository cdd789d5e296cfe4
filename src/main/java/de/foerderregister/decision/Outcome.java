package de.foerderregister.decision;

import de.foerderregister.application.Status;

/** What a body decides on a submitted application, and the status it leads to. */
public enum Outcome {
    APPROVED(Status.APPROVED),
    REJECTED(Status.REJECTED),
    RETURNED(Status.RETURNED);

    private final Status status;

    Outcome(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
