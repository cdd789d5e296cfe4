package de.foerderregister.audit;

import de.foerderregister.db.WriteLanes;
import de.foerderregister.security.Role;
import de.foerderregister.system.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One change of an application, of a user account ({@code subjectUsername}) or of a budget envelope
 * ({@code subjectEnvelope}, e.g. {@code DIGITALISATION_BUDGET/2025}), written in the changing
 * transaction and never altered. Its hash is an HMAC, under the audit key named by
 * {@code keyId}, over its content and the previous event's hash: any edit or removal shows, and
 * only the key's holder can make a hash that fits. {@code lane} names the chain it links into (see
 * {@link AuditTrail}); the hash covers it, so an event cannot be moved from one lane's chain to another's.
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
        @Nullable String keyId,
        @Nullable String previousHash,
        @Nullable String hash,
        @Nullable String subjectUsername,
        @Nullable String subjectEnvelope,
        int lane) {

    /** The hash this event must carry after {@code previous} when sealed with {@code key}. */
    String keyedHash(AuditKey key, String previous) {
        return key.mac(key.id() + "\n" + content(previous));
    }

    /**
     * The plain SHA-256 that events written before the chain was keyed carry. Anyone can compute it,
     * so it is accepted only up to the anchored end of the legacy chain (see {@link AuditTrail#verify}).
     */
    String legacyHash(String previous) {
        return Sha256.hex(content(previous));
    }

    AuditEvent sealedWith(AuditKey key, String previous) {
        return new AuditEvent(id, applicationId, occurredAt, actor, actorRole, action, changes, key.id(), previous,
                keyedHash(key, previous), subjectUsername, subjectEnvelope, lane);
    }

    private String content(String previous) {
        String content = String.join("\n", previous, String.valueOf(applicationId), occurredAt.toString(), actor,
                actorRole.name(), action.name(), changes);
        // only account and envelope events name a subject: the content of an application's event is as
        // before; the envelope's marker keeps it apart from a username (lower case, no colon)
        if (subjectUsername != null) {
            content = content + "\n" + subjectUsername;
        } else if (subjectEnvelope != null) {
            content = content + "\nenvelope:" + subjectEnvelope;
        }
        // lane 1 is every event written before lanes: its content is as it was then
        return lane == WriteLanes.FIRST ? content : content + "\nlane:" + lane;
    }
}
