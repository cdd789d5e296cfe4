package de.foerderregister.audit;

import de.foerderregister.db.WriteLanes;
import de.foerderregister.security.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes, reads and verifies the audit events of applications, accounts and budget envelopes: one HMAC chain per
 * write lane ({@link WriteLanes}: one on a single server, one per node of a Galera cluster), anchored outside the
 * database by the {@link AnchorLog}.
 *
 * <p>Each event links into the chain of the lane it was written in. The events of one lane are totally ordered
 * (a writer holds its lane's head from its event's insert to its commit), so a lane's chain in id order is the
 * order they were written in. Across lanes there is no chain: events of different lanes are ordered by id and
 * time only, as their nodes wrote them. Verification checks every lane's chain on its own, and each against its
 * own anchors.
 */
@Singleton
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** The subject of a repair of the kept aggregates. */
    public static final String AGGREGATES = "aggregates";
    private static final Argument<List<FieldChange>> CHANGES = Argument.listOf(FieldChange.class);

    private final AuditRepository events;
    private final AuditBatches batches;
    private final AuditChainHeadRepository heads;
    private final AuditKeys keys;
    private final AnchorLog anchors;
    private final ApplicationEventPublisher<AuditRecorded> recorded;
    private final ApplicationEventPublisher<ApplicationAudited> audited;
    private final ApplicationEventPublisher<ApplicationsAudited> auditedTogether;
    private final ApplicationEventPublisher<AccountAudited> accountAudited;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(AuditRepository events, AuditBatches batches, AuditChainHeadRepository heads, AuditKeys keys, AnchorLog anchors,
                      ApplicationEventPublisher<AuditRecorded> recorded,
                      ApplicationEventPublisher<ApplicationAudited> audited,
                      ApplicationEventPublisher<ApplicationsAudited> auditedTogether,
                      ApplicationEventPublisher<AccountAudited> accountAudited, ObjectMapper json, Clock clock) {
        this.events = events;
        this.batches = batches;
        this.heads = heads;
        this.keys = keys;
        this.anchors = anchors;
        this.recorded = recorded;
        this.audited = audited;
        this.auditedTogether = auditedTogether;
        this.accountAudited = accountAudited;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change inside the caller's transaction: the change and its event commit together or
     * not at all. Taking the chain head's lock last keeps the lock order the same everywhere. One
     * HMAC per event; anchoring happens after the commit, outside the lock. Then the change is
     * announced ({@link ApplicationAudited}) in the same transaction, for the mails it sends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long applicationId, Caller caller, AuditAction action, List<FieldChange> changes) {
        append(applicationId, null, null, caller, action, changes);
        audited.publishEvent(new ApplicationAudited(applicationId, caller, action, changes));
    }

    /** One change of one application, for {@link #recordAll}. */
    public record Change(long applicationId, AuditAction action, List<FieldChange> changes) {
    }

    /**
     * Records many changes of applications inside the caller's transaction, each exactly as
     * {@link #record} would, in order, but under one hold of the chain head's lock and inserted in
     * one batch: for an import's chunk, whose rows commit together anyway. The changes are announced
     * together ({@link ApplicationsAudited}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Caller caller, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AuditChainHead head = lockOwnLane();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditKey key = keys.current();
        String previous = head.lastHash();
        List<AuditEvent> sealed = new ArrayList<>(changes.size());
        for (Change change : changes) {
            AuditEvent event = new AuditEvent(null, change.applicationId(), now, caller.username(), caller.role(),
                    change.action(), write(change.changes()), null, null, null, null, null, head.lane())
                    .sealedWith(key, previous);
            sealed.add(event);
            previous = event.hash();
        }
        List<Long> ids = batches.insert(sealed, head.lane(), head.lastEventId() == null ? 0 : head.lastEventId());
        heads.advance(head.lane(), ids.get(ids.size() - 1), previous);
        ids.forEach(id -> recorded.publishEvent(new AuditRecorded(id)));
        auditedTogether.publishEvent(new ApplicationsAudited(changes.stream().map(change ->
                new ApplicationAudited(change.applicationId(), caller, change.action(), change.changes())).toList()));
    }

    /**
     * Records a change of a user account, in the same chain and under the same rules as {@link #record},
     * and announces it ({@link AccountAudited}) in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAccount(String username, Caller caller, AuditAction action, List<FieldChange> changes) {
        append(null, username, null, caller, action, changes);
        accountAudited.publishEvent(new AccountAudited(username, caller, action, changes));
    }

    /**
     * Records a change of a budget envelope, named {@code <funding source>/<year>}, in the same chain
     * and under the same rules as {@link #record}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEnvelope(String envelope, Caller caller, AuditAction action, List<FieldChange> changes) {
        append(null, null, envelope, caller, action, changes);
    }

    /**
     * Records a repair of the kept aggregates, one change per rewritten group (kept → computed). Its
     * subject is written where an envelope's is, as {@value #AGGREGATES}: no envelope is named so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAggregateRepair(Caller caller, List<FieldChange> changes) {
        append(null, null, AGGREGATES, caller, AuditAction.AGGREGATES_REPAIRED, changes);
    }

    private void append(Long applicationId, String subjectUsername, String subjectEnvelope, Caller caller,
                        AuditAction action, List<FieldChange> changes) {
        AuditChainHead head = lockOwnLane();
        // the database keeps microseconds; the hash must cover exactly what is stored
        AuditEvent event = new AuditEvent(null, applicationId, clock.instant().truncatedTo(ChronoUnit.MICROS),
                caller.username(), caller.role(), action, write(changes), null, null, null, subjectUsername, subjectEnvelope,
                head.lane()).sealedWith(keys.current(), head.lastHash());
        AuditEvent saved = events.save(event);
        heads.advance(head.lane(), saved.id(), saved.hash());
        recorded.publishEvent(new AuditRecorded(saved.id()));
    }

    /**
     * Starts this session's lane if it is new, in a transaction of its own. For a writer in REPEATABLE READ,
     * before its first lock: there the empty locking read of a new lane's head would hold the gap that the
     * starting insert of {@link #lockOwnLane} then waits for, until the lock wait times out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startOwnLane() {
        heads.openLane(heads.ownLane());
    }

    /**
     * The head of this session's lane, locked until the transaction ends. Each instance starts its lane at
     * start-up ({@link AnchorLog}); a lane dealt to the node later (the cluster's membership changed) is
     * started here by its first writer. Writers run in READ COMMITTED, so the empty locking read left no gap
     * lock that the starting insert, in a transaction of its own, would wait for (see {@link #startOwnLane}).
     */
    private AuditChainHead lockOwnLane() {
        Optional<AuditChainHead> head = heads.findOwnLaneForUpdate();
        if (head.isPresent()) {
            return head.get();
        }
        startOwnLane();
        return heads.findOwnLaneForUpdate().orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> history(long applicationId) {
        return events.findByApplicationIdOrderById(applicationId).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> accountHistory(String username) {
        return events.findBySubjectUsernameOrderById(username).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEventView> envelopeHistory(String envelope) {
        return events.findBySubjectEnvelopeOrderById(envelope).stream().map(this::view).toList();
    }

    /** Of these applications, the ones the user did any of these things to, as their histories record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> actedOn(Collection<Long> applicationIds, String username, Set<AuditAction> actions) {
        return Set.copyOf(events.findApplicationsActedOn(applicationIds, username,
                actions.stream().map(AuditAction::name).toList()));
    }

    /** Verifies the chain against all anchors; see {@link #verify(Instant)}. */
    public ChainVerification verify() {
        return verify(null);
    }

    /**
     * Walks every event in id order and checks each lane's chain: the events of a lane link to each other
     * from the genesis hash to that lane's head, and the first event whose link, content or key does not
     * match is reported. Then each lane is checked against its anchors kept outside the database: every
     * anchored event must be there with its anchored hash, and the lane's chain must reach its newest anchor.
     *
     * @param asOf when set, only anchors written up to this instant count — for a restored backup
     *             taken then, which cannot hold what was anchored later. Without it, every anchor counts.
     */
    @Transactional
    public ChainVerification verify(@Nullable Instant asOf) {
        Map<Integer, AuditChainHead> laneHeads = new TreeMap<>();
        heads.listOrderByLane().forEach(head -> laneHeads.put(head.lane(), head));
        String installationId = laneHeads.get(WriteLanes.FIRST).installationId();
        Optional<List<Optional<Anchor>>> file = anchors.lines(installationId);
        Map<Integer, Map<Long, String>> anchored = new HashMap<>();
        Map<Integer, Anchor> newest = new HashMap<>();
        Long legacyEnd = null;
        int line = 0;
        long anchorsChecked = 0;
        for (Optional<Anchor> read : file.orElse(List.of())) {
            line++;
            Anchor anchor = read.filter(a -> a.installationId().equals(installationId)).orElse(null);
            if (anchor == null || keys.find(anchor.keyId()).filter(anchor::signedWith).isEmpty()) {
                return broken(0, null, "line " + line + " of the anchor file " + anchors.file(installationId)
                        + " is not an anchor of this installation signed with a known audit key (it was forged or damaged)", 0, null);
            }
            // the legacy chain's end holds for every point in time after the upgrade
            if (anchor.kind() == Anchor.Kind.LEGACY_END && (legacyEnd == null || anchor.eventId() < legacyEnd)) {
                legacyEnd = anchor.eventId();
            }
            if (asOf != null && anchor.at().isAfter(asOf)) {
                continue;
            }
            anchorsChecked++;
            String earlier = anchored.computeIfAbsent(anchor.lane(), lane -> new HashMap<>()).putIfAbsent(anchor.eventId(), anchor.hash());
            if (earlier != null && !earlier.equals(anchor.hash())) {
                return broken(0, anchor.eventId(), "two anchors name different hashes for it (the database was rewritten "
                        + "between them, or two databases share one installation id)", 0, null);
            }
            newest.merge(anchor.lane(), anchor, (one, other) -> one.eventId() >= other.eventId() ? one : other);
        }
        // an anchor of event 0 names a lane's empty chain, which holds no event to find
        anchored.values().forEach(lane -> lane.remove(0L));
        Long lastAnchored = newest.values().stream().map(Anchor::eventId).max(Long::compare).orElse(null);

        Map<Integer, String> expectedPrevious = new HashMap<>();
        Map<Integer, Long> lastIds = new HashMap<>();
        long checked = 0;
        long lastId = 0;
        List<AuditEvent> chunk = events.findTop1000ByIdGreaterThanOrderById(0L);
        while (!chunk.isEmpty()) {
            for (AuditEvent event : chunk) {
                checked++;
                if (event.hash() == null) {
                    return broken(checked, event.id(), "it has no hash: it was written outside the registry (planted)",
                            anchorsChecked, lastAnchored);
                }
                String previous = expectedPrevious.getOrDefault(event.lane(), AuditChainHead.GENESIS);
                if (!previous.equals(event.previousHash())) {
                    return broken(checked, event.id(), "does not link to the event before it in lane " + event.lane()
                            + " (an event was removed, reordered or moved between lanes)", anchorsChecked, lastAnchored);
                }
                String problem = unsealed(event, previous, legacyEnd);
                if (problem != null) {
                    return broken(checked, event.id(), problem, anchorsChecked, lastAnchored);
                }
                String anchoredHash = anchored.getOrDefault(event.lane(), Map.of()).get(event.id());
                if (anchoredHash != null && !anchoredHash.equals(event.hash())) {
                    return broken(checked, event.id(), "its hash differs from the anchored one (the chain was rewritten)",
                            anchorsChecked, lastAnchored);
                }
                if (anchoredHash != null) {
                    anchored.get(event.lane()).remove(event.id());
                }
                expectedPrevious.put(event.lane(), event.hash());
                lastIds.put(event.lane(), event.id());
                lastId = event.id();
            }
            chunk = events.findTop1000ByIdGreaterThanOrderById(lastId);
        }
        Set<Integer> lanes = new TreeSet<>(laneHeads.keySet());
        lanes.addAll(lastIds.keySet());
        lanes.addAll(newest.keySet());
        for (int lane : lanes) {
            AuditChainHead head = laneHeads.get(lane);
            Long laneLast = lastIds.get(lane);
            if (head == null) {
                return broken(checked, laneLast, "lane " + lane + " has events or anchors but no head (its head was removed)",
                        anchorsChecked, lastAnchored);
            }
            if (!expectedPrevious.getOrDefault(lane, AuditChainHead.GENESIS).equals(head.lastHash())
                    || !Objects.equals(head.lastEventId(), laneLast)) {
                return broken(checked, head.lastEventId(), "the chain of lane " + lane
                        + " ends before its recorded last event (events were removed)", anchorsChecked, lastAnchored);
            }
        }
        if (file.isEmpty() && checked > 0) {
            return broken(checked, null, "there is no anchor file for this installation (" + anchors.file(installationId)
                    + "): the chain cannot be checked for removed newest events; restore the file from the anchor store",
                    anchorsChecked, null);
        }
        for (Anchor anchor : newest.values()) {
            long laneLast = lastIds.getOrDefault(anchor.lane(), 0L);
            if (anchor.eventId() > laneLast) {
                return broken(checked, anchor.eventId(), "the chain of lane " + anchor.lane() + " ends at event " + laneLast
                        + " but the anchor of " + anchor.at() + " names event " + anchor.eventId()
                        + " (the newest events were removed and the head rolled back)", anchorsChecked, lastAnchored);
            }
        }
        Optional<Long> missing = anchored.values().stream().flatMap(lane -> lane.keySet().stream()).min(Long::compare);
        if (missing.isPresent()) {
            // the chain links past an anchored event that is not there
            return broken(checked, missing.get(), "an anchored event is missing from the chain (it was removed)",
                    anchorsChecked, lastAnchored);
        }
        return new ChainVerification(true, checked, null, null, anchorsChecked, lastAnchored);
    }

    /** Why the event's hash is not one its key (or the closed legacy chain) would give, or null when it is. */
    private @Nullable String unsealed(AuditEvent event, String previous, @Nullable Long legacyEnd) {
        String keyId = event.keyId() == null ? "" : event.keyId();
        String expected;
        if (AuditKeys.LEGACY.equals(keyId)) {
            // the legacy chain is lane 1's start: there were no other lanes then
            if (legacyEnd == null || event.id() > legacyEnd || event.lane() != WriteLanes.FIRST) {
                return "it carries a plain SHA-256 hash, but the legacy chain was closed before it (planted, or re-hashed without the key)";
            }
            expected = event.legacyHash(previous);
        } else {
            Optional<AuditKey> key = keys.find(keyId);
            if (key.isEmpty()) {
                return "it names the audit key '" + keyId + "', which this registry does not hold (planted, or a key file is missing)";
            }
            expected = event.keyedHash(key.get(), previous);
        }
        return expected.equals(event.hash()) ? null : "its content does not match its hash (it was altered)";
    }

    private static ChainVerification broken(long checked, @Nullable Long eventId, String problem, long anchorsChecked,
                                            @Nullable Long lastAnchored) {
        LOG.error("Audit chain broken at event {}: {}", eventId, problem);
        return new ChainVerification(false, checked, eventId, problem, anchorsChecked, lastAnchored);
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
