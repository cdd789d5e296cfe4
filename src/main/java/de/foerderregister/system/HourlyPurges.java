package de.foerderregister.system;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Runs every {@link Purge} once an hour; the same switch as the notification timers keeps it off in the tests. */
@Singleton
class HourlyPurges {

    private static final Logger LOG = LoggerFactory.getLogger(HourlyPurges.class);

    private final List<Purge> purges;

    HourlyPurges(List<Purge> purges) {
        this.purges = purges;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "${registry.notifications.timer-delay:1m}")
    void purgeAll() {
        for (Purge purge : purges) {
            try {
                long deleted = purge.purge();
                if (deleted > 0) {
                    LOG.info("Deleted {} {}", deleted, purge.subject());
                }
            } catch (RuntimeException e) {
                // a lost database must not stop the timer, nor the other purges; the next run deletes what this one left
                LOG.warn("Could not delete {}; the next run tries again: {}", purge.subject(), e.toString());
            }
        }
    }
}
