package de.foerderregister.audit;

import de.foerderregister.db.WriteLanes;
import de.foerderregister.system.KeyFile;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Anchors the head of every lane's chain outside the database: signed lines appended to
 * {@code audit-anchors/<installationId>.anchors} in the registry home and logged on the logger
 * {@code de.foerderregister.audit.anchor}, to be shipped to a write-once store. A line is written at
 * start-up, after every {@code registry.audit.anchor-every} events this instance wrote, and by a timer
 * ({@code registry.audit.anchor-interval}, one minute) for each head that moved. Any instance anchors
 * every lane, its own and the other nodes'. Anchors are written after the writers' transactions, from
 * a read of the committed heads, never under a head's lock.
 */
@Singleton
public class AnchorLog implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorLog.class);
    /** Only the anchor lines, so that a log shipper can send them alone to a write-once store. */
    private static final Logger ANCHORS = LoggerFactory.getLogger("de.foerderregister.audit.anchor");
    private static final String SUFFIX = ".anchors";

    private final Path folder;
    private final AuditKeys keys;
    private final AuditChainHeadRepository heads;
    private final AuditRepository events;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final int anchorEvery;
    /** By lane, "eventId:hash" of the head this instance anchored last, so the timer only writes when it moved. */
    private final Map<Integer, String> lastAnchored = new ConcurrentHashMap<>();
    private final AtomicInteger sinceAnchor = new AtomicInteger();

    public AnchorLog(@Value("${registry.home}") Path home, AuditKeys keys, AuditChainHeadRepository heads, AuditRepository events,
                     @Named("scheduled") TaskScheduler scheduler, Clock clock, AuditSettings settings) {
        this.folder = home.resolve("audit-anchors");
        this.keys = keys;
        this.heads = heads;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
        this.anchorEvery = Math.max(1, settings.anchorEvery());
    }

    /**
     * Starts this instance's write lane when it is new, then anchors every lane's head at start-up. A
     * missing anchor file is started only while the database holds no keyed event (a new database, or
     * the first start after the upgrade, whose legacy chain this anchors as closed): otherwise the file
     * was lost or the installation id was changed, and starting afresh would bless whatever the
     * database now says. The operator decides then (README).
     */
    @Override
    public void onApplicationEvent(StartupEvent startup) {
        // this instance's lane is started now, before any writer's transaction can hold a lock near its row
        heads.openLane(heads.ownLane());
        List<AuditChainHead> all = heads.listOrderByLane();
        AuditChainHead head = all.get(0);
        Path file = file(head.installationId());
        boolean exists = Files.exists(file);
        if (!exists && events.existsByKeyIdNotEqual(AuditKeys.LEGACY)) {
            LOG.error("The audit anchor file {} is missing although the database holds keyed audit events: not starting a new "
                    + "one. Restore it from the anchor store; the audit trail does not verify until then", file);
            return;
        }
        // the legacy chain is lane 1's start: there was no other lane then
        Anchor.Kind kind = Anchor.Kind.HEAD;
        if (head.lane() == WriteLanes.FIRST && head.lastEventId() != null
                && events.findKeyIdById(head.lastEventId()).filter(AuditKeys.LEGACY::equals).isPresent()
                && lines(head.installationId()).orElse(List.of()).stream().flatMap(Optional::stream)
                        .noneMatch(a -> a.kind() == Anchor.Kind.LEGACY_END)) {
            kind = Anchor.Kind.LEGACY_END;
            LOG.warn("Closing the legacy audit chain (plain SHA-256) at event {}: later events are keyed, and no plain-hashed "
                    + "event after it will verify", head.lastEventId());
        }
        append(head, kind, true);
        all.stream().skip(1).forEach(other -> append(other, Anchor.Kind.HEAD, false));
    }

    /** Counts the events this instance wrote, after their commit; every N-th one anchors the head soon after. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onRecorded(AuditRecorded recorded) {
        if (sinceAnchor.incrementAndGet() % anchorEvery == 0) {
            // not in the committing request's context: the task would inherit its connection, which
            // is closed by the time the task reads the head ("Connection is closed", now and then)
            try (PropagatedContext.Scope detached = PropagatedContext.empty().propagate()) {
                scheduler.schedule(Duration.ZERO, this::anchorIfMoved);
            }
        }
    }

    /** Anchors each committed head that moved since this instance's last anchor of its lane. */
    @Scheduled(fixedDelay = "${registry.audit.anchor-interval:1m}", initialDelay = "${registry.audit.anchor-interval:1m}")
    public void anchorIfMoved() {
        try {
            for (AuditChainHead head : heads.listOrderByLane()) {
                if (!position(head).equals(lastAnchored.get(head.lane()))) {
                    append(head, Anchor.Kind.HEAD, false);
                }
            }
        } catch (RuntimeException e) {
            // a lost database or a full disk must not stop the timer; the next run tries again
            LOG.warn("Could not anchor the audit chain's head: {}", e.toString());
        }
    }

    /** The signed lines of an installation's anchor file in order, unreadable lines as empty; empty when there is no file. */
    Optional<List<Optional<Anchor>>> lines(String installationId) {
        try {
            String text = Files.readString(file(installationId), StandardCharsets.UTF_8);
            List<Optional<Anchor>> anchors = new ArrayList<>();
            // a line still being appended by another instance has no line break yet
            int end = text.lastIndexOf('\n');
            for (String line : text.substring(0, end + 1).split("\n")) {
                if (!line.isBlank()) {
                    anchors.add(Anchor.parse(line.strip()));
                }
            }
            return Optional.of(anchors);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchors " + file(installationId), e);
        }
    }

    Path file(String installationId) {
        return folder.resolve(installationId + SUFFIX);
    }

    /**
     * Appends one line with one write on a file opened for appending, then forces it to disk: lines
     * of several instances (or test contexts) sharing the file never interleave. Only start-up may
     * create the file (see {@link #onApplicationEvent}).
     */
    private synchronized void append(AuditChainHead head, Anchor.Kind kind, boolean mayCreate) {
        long eventId = head.lastEventId() == null ? 0 : head.lastEventId();
        Anchor anchor = Anchor.sign(head.installationId(), head.lane(), eventId, head.lastHash(), clock.instant(), kind,
                keys.current());
        Path file = file(head.installationId());
        Set<OpenOption> options = mayCreate
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE)
                : Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            if (mayCreate) {
                KeyFile.createOwnerOnlyFolder(folder);
            }
            try (FileChannel channel = FileChannel.open(file, options, KeyFile.ownerOnly(file))) {
                channel.write(ByteBuffer.wrap((anchor.line() + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (NoSuchFileException e) {
            LOG.error("The audit anchor file {} is missing: the head is not anchored. Restore the file from the anchor store", file);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit anchors " + file, e);
        }
        lastAnchored.put(head.lane(), position(head));
        ANCHORS.info(anchor.line());
    }

    private static String position(AuditChainHead head) {
        return head.lastEventId() + ":" + head.lastHash();
    }
}
