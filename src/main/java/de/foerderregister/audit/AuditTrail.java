package de.foerderregister.audit;

import de.foerderregister.security.Caller;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Writes, reads and verifies the audit events of applications and accounts: one hash chain over all of them. */
@Singleton
public class AuditTrail implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final Argument<List<FieldChange>> CHANGES = Argument.listOf(FieldChange.class);

    private final AuditRepository events;
    private final AuditChainHeadRepository heads;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(AuditRepository events, AuditChainHeadRepository heads, ObjectMapper json, Clock clock) {
        this.events = events;
        this.heads = heads;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change inside the caller's transaction: the change and its event commit together or
     * not at all. Taking the chain head's lock last keeps the lock order the same everywhere.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long applicationId, Caller caller, AuditAction action, List<FieldChange> changes) {
        append(applicationId, null, caller, action, changes);
    }

    /** Records a change of a user account, in the same chain and under the same rules as {@link #record}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAccount(String username, Caller caller, AuditAction action, List<FieldChange> changes) {
        append(null, username, caller, action, changes);
    }

    private void append(Long applicationId, String subjectUsername, Caller caller, AuditAction action,
                        List<FieldChange> changes) {
        AuditChainHead head = heads.findByIdForUpdate(AuditChainHead.ROW).orElseThrow();
        // the database keeps microseconds; the hash must cover exactly what is stored
        AuditEvent event = new AuditEvent(null, applicationId, clock.instant().truncatedTo(ChronoUnit.MICROS),
                caller.username(), caller.role(), action, write(changes), null, null, subjectUsername)
                .chainedTo(head.lastHash());
        AuditEvent saved = events.save(event);
        heads.advance(saved.id(), saved.hash());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> history(long applicationId) {
        return events.findByApplicationIdOrderById(applicationId).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> accountHistory(String username) {
        return events.findBySubjectUsernameOrderById(username).stream().map(this::view).toList();
    }

    /** Whether the user did any of these things to the application, as its history records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasActed(long applicationId, String username, Set<AuditAction> actions) {
        return events.existsByApplicationIdAndActorAndActionIn(applicationId, username, actions);
    }

    /** Walks the whole chain in order and reports the first event whose link or content does not match. */
    @Transactional
    public ChainVerification verify() {
        String expectedPrevious = AuditChainHead.GENESIS;
        long checked = 0;
        long lastId = 0;
        List<AuditEvent> chunk = events.findTop1000ByIdGreaterThanOrderById(0L);
        while (!chunk.isEmpty()) {
            for (AuditEvent event : chunk) {
                checked++;
                if (!expectedPrevious.equals(event.previousHash())) {
                    return broken(checked, event.id(), "does not link to the event before it (an event was removed or reordered)");
                }
                if (!event.expectedHash(expectedPrevious).equals(event.hash())) {
                    return broken(checked, event.id(), "its content does not match its hash (it was altered)");
                }
                expectedPrevious = event.hash();
                lastId = event.id();
            }
            chunk = events.findTop1000ByIdGreaterThanOrderById(lastId);
        }
        AuditChainHead head = heads.findById(AuditChainHead.ROW).orElseThrow();
        if (!expectedPrevious.equals(head.lastHash()) || !Objects.equals(head.lastEventId(), checked == 0 ? null : lastId)) {
            return broken(checked, head.lastEventId(), "the chain ends before its recorded last event (events were removed)");
        }
        return new ChainVerification(true, checked, null, null);
    }

    /** Events recorded before the chain existed are sealed into it once, in their order. */
    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent startup) {
        List<AuditEvent> unsealed = events.findByHashIsNullOrderById();
        if (unsealed.isEmpty()) {
            return;
        }
        AuditChainHead head = heads.findByIdForUpdate(AuditChainHead.ROW).orElseThrow();
        String previous = head.lastHash();
        for (AuditEvent event : unsealed) {
            AuditEvent sealed = event.chainedTo(previous);
            events.seal(sealed.id(), sealed.previousHash(), sealed.hash());
            previous = sealed.hash();
            heads.advance(sealed.id(), previous);
        }
        LOG.info("Sealed {} audit events recorded before the hash chain existed", unsealed.size());
    }

    private static ChainVerification broken(long checked, Long eventId, String problem) {
        LOG.error("Audit chain broken at event {}: {}", eventId, problem);
        return new ChainVerification(false, checked, eventId, problem);
    }

    private String write(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(CHANGES, changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
