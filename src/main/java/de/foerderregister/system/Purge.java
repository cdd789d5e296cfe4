package de.foerderregister.system;

/**
 * Data the registry keeps only for a while, deleted every hour by {@link HourlyPurges}. A purge
 * deletes in chunks, so a first purge of a large backlog holds no long lock.
 */
public interface Purge {

    /** Rows per statement. */
    int CHUNK = 1000;

    /** What a purge deletes, for the log, e.g. "outbox message(s) sent more than 90 days ago". */
    String subject();

    /** Deletes what has expired; answers how many were deleted. */
    long purge();
}
