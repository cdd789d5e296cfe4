package de.foerderregister.audit;

import de.foerderregister.security.Role;
import de.foerderregister.system.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One change of an application, or of a user account ({@code subjectUsername}), written in the
 * changing transaction and never altered. Its hash covers its content and the previous event's
 * hash, so any edit or removal shows.
 */
@MappedEntity("audit_event")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long applicationId,
        Instant occurredAt,
        String actor,
        Role actorRole,
        AuditAction action,
        String changes,
        @Nullable String previousHash,
        @Nullable String hash,
        @Nullable String subjectUsername) {

    /** The hash this event must carry after {@code previous}: SHA-256 over both, hex. */
    String expectedHash(String previous) {
        String content = String.join("\n", previous, String.valueOf(applicationId), occurredAt.toString(), actor,
                actorRole.name(), action.name(), changes);
        // only account events name a subject: the hashes of the events before it stay as they were
        return Sha256.hex(subjectUsername == null ? content : content + "\n" + subjectUsername);
    }

    AuditEvent chainedTo(String previous) {
        return new AuditEvent(id, applicationId, occurredAt, actor, actorRole, action, changes, previous,
                expectedHash(previous), subjectUsername);
    }
}
