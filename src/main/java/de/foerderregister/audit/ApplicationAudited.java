package de.foerderregister.audit;

import de.foerderregister.security.Caller;

import java.util.List;
import java.util.Optional;

/**
 * A change of an application was audited. Published inside the changing transaction, after its
 * event was written; listeners (the mails a change sends) run synchronously in that transaction,
 * so what they write commits with the change or not at all, and a listener's failure rolls the
 * change back.
 */
public record ApplicationAudited(long applicationId, Caller caller, AuditAction action, List<FieldChange> changes) {

    public ApplicationAudited {
        changes = List.copyOf(changes);
    }

    /** The new value of a field of the change, e.g. {@code payment.id}; empty when the change does not name it. */
    public Optional<String> newValue(String field) {
        return changes.stream().filter(change -> change.field().equals(field)).findFirst()
                .map(FieldChange::newValue);
    }

    /** The old value of a field of the change, e.g. {@code status}; empty when the change does not name it. */
    public Optional<String> oldValue(String field) {
        return changes.stream().filter(change -> change.field().equals(field)).findFirst()
                .map(FieldChange::oldValue);
    }
}
