package de.foerderregister.importing;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes import jobs that ended more than {@code registry.imports.job-retention} (30 days) ago,
 * with their row outcomes: the importer has read them long since, the imported applications and the
 * import run's log stay. Running jobs are never deleted.
 */
@Singleton
class ImportJobRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobRetention.class);
    /** Jobs, and row outcomes, per statement, so a first purge of many large jobs holds no long lock. */
    static final int CHUNK = 1000;

    private final ImportJobRepository jobs;
    private final Duration retention;
    private final Clock clock;

    ImportJobRetention(ImportJobRepository jobs, @Value("${registry.imports.job-retention:30d}") Duration retention,
                       Clock clock) {
        this.jobs = jobs;
        this.retention = retention;
        this.clock = clock;
    }

    /** Every hour; the same switch as the notification timers keeps it off in the tests. */
    @Scheduled(fixedDelay = "1h", initialDelay = "${registry.notifications.timer-delay:1m}")
    void purgeHourly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // a lost database must not stop the timer; the next run deletes what this one left
            LOG.warn("Could not delete old import jobs; the next run tries again: {}", e.toString());
        }
    }

    /** Answers how many jobs were deleted. */
    long purge() {
        Instant before = clock.instant().minus(retention);
        long deleted = 0;
        List<Long> ended;
        do {
            ended = jobs.endedBefore(before, CHUNK);
            for (long id : ended) {
                int rows;
                do {
                    rows = jobs.deleteRows(id, CHUNK);
                } while (rows == CHUNK);
                deleted += jobs.deleteEnded(id);
            }
        } while (ended.size() == CHUNK);
        if (deleted > 0) {
            LOG.info("Deleted {} import job(s) that ended before {}", deleted, before);
        }
        return deleted;
    }
}
