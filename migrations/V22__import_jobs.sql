-- Imports that run as a job (issue 17): one row per upload that the client asked to run in the
-- background (or that was too large to answer at once), with its progress, and the outcome of each
-- of its rows, written in the same transaction as the rows' applications. A job whose instance
-- stopped while it ran is marked FAILED by the others (or by the next start): its heartbeat ages.
CREATE TABLE import_job (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    imported_by     VARCHAR(64)  NOT NULL,
    importer_role   VARCHAR(16)  NOT NULL,
    importer_state  VARCHAR(4)   NULL,
    atomic          BOOLEAN      NOT NULL,
    dry_run         BOOLEAN      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    rows_total      INT          NOT NULL,
    rows_done       INT          NOT NULL,
    rows_created    INT          NOT NULL,
    rows_duplicate  INT          NOT NULL,
    rows_failed     INT          NOT NULL,
    rows_valid      INT          NOT NULL,
    encoding        VARCHAR(16)  NOT NULL,
    delimiter_char  CHAR(1)      NOT NULL,
    ignored_columns LONGTEXT     NOT NULL,
    run_id          BIGINT       NULL,
    failure         VARCHAR(500) NULL,
    started_at      TIMESTAMP(6) NOT NULL,
    heartbeat_at    TIMESTAMP(6) NOT NULL,
    finished_at     TIMESTAMP(6) NULL,
    CONSTRAINT ck_import_job_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_import_job_role CHECK (importer_role IN ('STATE', 'FITKO')),
    CONSTRAINT ck_import_job_rows CHECK (rows_done >= 0 AND rows_done <= rows_total),
    CONSTRAINT ck_import_job_ignored CHECK (JSON_VALID(ignored_columns))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_import_job_running ON import_job (status, heartbeat_at);

-- No foreign key to import_job on purpose: an atomic job writes its row outcomes inside its one long
-- transaction while its progress is updated in transactions of their own; the key's check would hold
-- a shared lock on the job's row and the progress update would wait for the import itself.
CREATE TABLE import_job_row (
    job_id         BIGINT       NOT NULL,
    file_row       INT          NOT NULL,
    line_number    BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    application_id BIGINT       NULL,
    reference      VARCHAR(16)  NULL,
    title          TEXT         NULL,
    note           VARCHAR(500) NULL,
    errors         LONGTEXT     NOT NULL,
    PRIMARY KEY (job_id, file_row),
    CONSTRAINT ck_import_job_row_status CHECK (status IN ('CREATED', 'ERROR', 'DUPLICATE', 'VALID')),
    CONSTRAINT ck_import_job_row_errors CHECK (JSON_VALID(errors))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
