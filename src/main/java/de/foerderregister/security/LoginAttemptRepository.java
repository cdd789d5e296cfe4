package de.foerderregister.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LoginAttemptRepository extends GenericRepository<LoginAttempt, String> {

    /** Makes sure the bucket has a row to lock; an existing one is left as it is. */
    @Query("INSERT IGNORE INTO login_attempt (bucket, window_start, attempts) VALUES (:bucket, :now, 0)")
    void open(String bucket, Instant now);

    /** The buckets, locked until the reserving transaction ends, always in the same order (no deadlock). */
    @Query("SELECT * FROM login_attempt WHERE bucket IN (:buckets) ORDER BY bucket FOR UPDATE")
    List<LoginAttempt> lock(Collection<String> buckets);

    @Query("UPDATE login_attempt SET window_start = :windowStart, attempts = :attempts WHERE bucket = :bucket")
    void count(String bucket, Instant windowStart, int attempts);

    /** Gives back an attempt that succeeded, unless its window has since been started anew. */
    @Query("UPDATE login_attempt SET attempts = attempts - 1 WHERE bucket = :bucket AND window_start = :windowStart AND attempts > 0")
    void giveBack(String bucket, Instant windowStart);

    @Query("DELETE FROM login_attempt WHERE window_start < :before")
    void forgetBefore(Instant before);
}
