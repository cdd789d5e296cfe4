package de.foerderregister.importing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Import jobs and their row outcomes. Progress is written in a transaction of its own, visible while the import's own is open. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ImportJobRepository extends GenericRepository<ImportJob, Long> {

    ImportJob save(ImportJob job);

    Optional<ImportJob> findById(Long id);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("""
            UPDATE import_job SET rows_done = :rowsDone, rows_created = :created, rows_duplicate = :duplicate,
              rows_failed = :failed, rows_valid = :valid, heartbeat_at = :now
            WHERE id = :id AND status = 'RUNNING'""")
    void progress(long id, int rowsDone, int created, int duplicate, int failed, int valid, Instant now);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("""
            UPDATE import_job SET status = 'DONE', rows_done = rows_total, rows_created = :created,
              rows_duplicate = :duplicate, rows_failed = :failed, rows_valid = :valid, run_id = :runId,
              failure = NULL, heartbeat_at = :now, finished_at = :now
            WHERE id = :id AND (status = 'RUNNING' OR status = 'FAILED' AND failure = 'import.jobInterrupted')""")
    void finish(long id, int created, int duplicate, int failed, int valid, @io.micronaut.core.annotation.Nullable Long runId,
                Instant now);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("""
            UPDATE import_job SET status = 'FAILED', failure = :failure, heartbeat_at = :now, finished_at = :now
            WHERE id = :id AND status = 'RUNNING'""")
    void fail(long id, String failure, Instant now);

    /** The jobs this instance is running are alive, whether or not a chunk ended lately. */
    @Query("UPDATE import_job SET heartbeat_at = :now WHERE id IN (:ids) AND status = 'RUNNING'")
    void beat(Collection<Long> ids, Instant now);

    /** Jobs whose instance stopped without finishing them: no chunk moved their heartbeat for a while. */
    @Query("""
            UPDATE import_job SET status = 'FAILED', failure = :failure, finished_at = :now
            WHERE status = 'RUNNING' AND heartbeat_at < :staleBefore""")
    int failStale(Instant staleBefore, String failure, Instant now);

    @Query("""
            SELECT file_row, line_number, status, application_id, reference, title, note, errors FROM import_job_row
            WHERE job_id = :jobId ORDER BY file_row LIMIT :size OFFSET :offset""")
    List<ImportJobRow> rows(long jobId, int size, long offset);

    @Query("SELECT COUNT(*) FROM import_job_row WHERE job_id = :jobId")
    long countRows(long jobId);

    @Query("SELECT id FROM import_job WHERE status <> 'RUNNING' AND finished_at < :before ORDER BY id LIMIT :limit")
    List<Long> endedBefore(Instant before, int limit);

    @Query("DELETE FROM import_job_row WHERE job_id = :jobId LIMIT :limit")
    int deleteRows(long jobId, int limit);

    @Query("DELETE FROM import_job WHERE id = :id AND status <> 'RUNNING'")
    int deleteEnded(long id);
}
