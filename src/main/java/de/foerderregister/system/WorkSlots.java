package de.foerderregister.system;

import de.foerderregister.problem.RuleCode;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code count} pieces of heavy work at once on this instance, and at most one per user, so
 * that no single user can take every slot (reports rendering, imports running).
 */
public final class WorkSlots {

    /**
     * How a request without a slot is refused: the work's name for the log and the problem's detail,
     * the field and rule codes of the two refusals, and when to try again.
     */
    public record Refusal(String work, String field, RuleCode userBusy, RuleCode allTaken, Duration retryAfter) {
    }

    private final int count;
    private final Refusal refusal;
    private final Semaphore slots;
    private final Set<String> users = ConcurrentHashMap.newKeySet();

    public WorkSlots(int count, Refusal refusal) {
        if (count < 0) {
            throw new IllegalArgumentException("a number of slots, not " + count);
        }
        this.count = count;
        this.refusal = refusal;
        this.slots = new Semaphore(count);
    }

    /** A slot for the user, or {@link SlotsBusy}: 429 when the user holds one already, 503 when all are taken. */
    public Slot take(String username) {
        if (!users.add(username)) {
            throw SlotsBusy.userBusy(refusal, username);
        }
        if (!slots.tryAcquire()) {
            users.remove(username);
            throw SlotsBusy.allTaken(refusal, count);
        }
        return new Slot(username);
    }

    /** A taken slot; closing it more than once frees it once, so every path that may end the work can close it. */
    public final class Slot implements AutoCloseable {

        private final String username;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot(String username) {
            this.username = username;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                slots.release();
                users.remove(username);
            }
        }
    }
}
