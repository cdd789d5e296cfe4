package de.foerderregister.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * At most {@code count} pieces of heavy work at once on this instance, and at most one per user, so
 * that no single user can take every slot (reports rendering, imports running).
 */
public final class WorkSlots {

    private final int count;
    private final Semaphore slots;
    private final Set<String> users = ConcurrentHashMap.newKeySet();

    public WorkSlots(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a number of slots, not " + count);
        }
        this.count = count;
        this.slots = new Semaphore(count);
    }

    public int count() {
        return count;
    }

    /** A slot for the user, or the refusal: {@code userBusy} when the user holds one already, {@code allTaken} else. */
    public Slot take(String username, Supplier<? extends RuntimeException> userBusy,
                     Supplier<? extends RuntimeException> allTaken) {
        if (!users.add(username)) {
            throw userBusy.get();
        }
        if (!slots.tryAcquire()) {
            users.remove(username);
            throw allTaken.get();
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
