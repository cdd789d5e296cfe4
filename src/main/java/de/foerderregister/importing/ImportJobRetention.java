package de.foerderregister.importing;

import de.foerderregister.system.Purge;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

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
class ImportJobRetention implements Purge {

    private final ImportJobRepository jobs;
    private final Duration retention;
    private final Clock clock;

    ImportJobRetention(ImportJobRepository jobs, @Value("${registry.imports.job-retention:30d}") Duration retention,
                       Clock clock) {
        this.jobs = jobs;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String subject() {
        return "import job(s) that ended more than " + retention + " ago";
    }

    @Override
    public long purge() {
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
        return deleted;
    }
}
