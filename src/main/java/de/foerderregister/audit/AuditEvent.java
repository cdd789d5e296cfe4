package de.foerderregister.audit;

import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One change of an application, written in the changing transaction and never altered. */
@MappedEntity("audit_event")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        Instant occurredAt,
        String actor,
        Role actorRole,
        AuditAction action,
        String changes) {
}
