package de.foerderregister.audit;

import de.foerderregister.security.Caller;

import java.util.List;

/**
 * A change of a user account was audited. Published inside the changing transaction, after its
 * event was written, as {@link ApplicationAudited} is for applications: what a listener writes
 * commits with the change or not at all.
 */
public record AccountAudited(String username, Caller caller, AuditAction action, List<FieldChange> changes) {

    public AccountAudited {
        changes = List.copyOf(changes);
    }
}
