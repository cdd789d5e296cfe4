package de.foerderregister.audit;

import de.foerderregister.security.Role;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

@Serdeable
public record AuditEventView(long id, Instant occurredAt, String actor, Role actorRole, AuditAction action,
                             List<FieldChange> changes) {
}
