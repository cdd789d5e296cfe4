package de.foerderregister.audit;

import java.util.List;

/**
 * The changes of many applications audited at once by {@link AuditTrail#recordAll} (an import's
 * chunk), announced once in the same transaction: a listener can read what it needs for all of them
 * together instead of once per change. Each change means what the same {@link ApplicationAudited} would.
 */
public record ApplicationsAudited(List<ApplicationAudited> changes) {

    public ApplicationsAudited {
        changes = List.copyOf(changes);
    }
}
