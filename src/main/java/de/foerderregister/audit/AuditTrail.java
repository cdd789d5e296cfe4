package de.foerderregister.audit;

import de.foerderregister.security.Caller;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** Writes and reads the audit events of applications. */
@Singleton
public class AuditTrail {

    private static final Argument<List<FieldChange>> CHANGES = Argument.listOf(FieldChange.class);

    private final AuditRepository events;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(AuditRepository events, ObjectMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change inside the caller's transaction: the change and its event commit together or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long applicationId, Caller caller, AuditAction action, List<FieldChange> changes) {
        try {
            events.save(new AuditEvent(null, applicationId, clock.instant(), caller.username(), caller.role(),
                    action, json.writeValueAsString(CHANGES, changes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> history(long applicationId) {
        return events.findByApplicationIdOrderById(applicationId).stream().map(this::view).toList();
    }

    private AuditEventView view(AuditEvent event) {
        try {
            return new AuditEventView(event.id(), event.occurredAt(), event.actor(), event.actorRole(),
                    event.action(), json.readValue(event.changes(), CHANGES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
