package de.foerderregister.importing;

import de.foerderregister.problem.RuleCode;

/** A job that must not go on, for a reason its importer is told by a stable code. */
final class ImportStopped extends RuntimeException {

    private final RuleCode reason;

    ImportStopped(String detail, RuleCode reason) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RuleCode reason() {
        return reason;
    }
}
