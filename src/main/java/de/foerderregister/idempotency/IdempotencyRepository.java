package de.foerderregister.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IdempotencyRepository extends GenericRepository<IdempotencyRecord, IdempotencyRecord.Key> {

    /** Claims the key in a transaction of its own, so a concurrent retry sees the claim at once; false if taken. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("""
            INSERT IGNORE INTO idempotency_record (username, idempotency_key, fingerprint, state, created_at, expires_at)
            VALUES (:username, :key, :fingerprint, 'IN_PROGRESS', :now, :expiresAt)""")
    long claim(String username, String key, String fingerprint, Instant now, Instant expiresAt);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<IdempotencyRecord> findById(IdempotencyRecord.Key id);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("""
            UPDATE idempotency_record SET state = 'COMPLETED', response_status = :status, response_body = :body,
                   location = :location, etag = :etag
            WHERE username = :username AND idempotency_key = :key""")
    void complete(String username, String key, int status, String body, @Nullable String location, @Nullable String etag);

    /** A failed request gives its key back: only success is remembered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("DELETE FROM idempotency_record WHERE username = :username AND idempotency_key = :key AND state = 'IN_PROGRESS'")
    void release(String username, String key);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("DELETE FROM idempotency_record WHERE username = :username AND idempotency_key = :key AND expires_at < :now")
    void forgetExpired(String username, String key, Instant now);
}
