-- Import runs and the rows they rejected: what a file could not deliver stays visible
-- (data-quality findings) after the answer to the upload is gone. Written once, never changed.

CREATE TABLE import_run (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    imported_by    VARCHAR(64)  NOT NULL,
    importer_role  VARCHAR(16)  NOT NULL,
    importer_state VARCHAR(4)   NULL,
    imported_at    TIMESTAMP(6) NOT NULL,
    atomic         BOOLEAN      NOT NULL,
    rows_total     INT          NOT NULL,
    rows_created   INT          NOT NULL,
    rows_duplicate INT          NOT NULL,
    rows_failed    INT          NOT NULL,
    CONSTRAINT ck_import_run_role CHECK (importer_role IN ('STATE', 'FITKO')),
    CONSTRAINT ck_import_run_state CHECK ((importer_role = 'STATE') = (importer_state IS NOT NULL)),
    CONSTRAINT ck_import_run_counts CHECK (rows_created >= 0 AND rows_duplicate >= 0 AND rows_failed >= 0
        AND rows_created + rows_duplicate + rows_failed <= rows_total)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- missing_columns lists the required columns the row left empty (NULL where none was missing);
-- errors holds every error of the row as JSON [{field, message}].
CREATE TABLE import_rejected_row (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    run_id          BIGINT       NOT NULL,
    file_row        INT          NOT NULL,
    line_number     INT          NOT NULL,
    title           VARCHAR(200) NULL,
    owner_state     VARCHAR(4)   NULL,
    missing_columns VARCHAR(500) NULL,
    errors          LONGTEXT     NOT NULL,
    CONSTRAINT fk_import_rejected_row_run FOREIGN KEY (run_id) REFERENCES import_run (id),
    CONSTRAINT uq_import_rejected_row UNIQUE (run_id, file_row),
    CONSTRAINT ck_import_rejected_row_numbers CHECK (file_row > 0 AND line_number > 1),
    CONSTRAINT ck_import_rejected_row_state CHECK (owner_state IS NULL OR owner_state IN
        ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH','BUND')),
    CONSTRAINT ck_import_rejected_row_errors CHECK (JSON_VALID(errors))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_import_rejected_row_title ON import_rejected_row (title);

-- Import rows serialise on this row, so two uploads of the same file at once cannot both pass
-- the duplicate check and create the same application twice.
CREATE TABLE import_lock (
    id TINYINT NOT NULL PRIMARY KEY,
    CONSTRAINT ck_import_lock_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO import_lock (id) VALUES (1);

-- The duplicate check of imports (same owner state, start date and title) without a table scan.
CREATE INDEX ix_funding_application_duplicate ON funding_application (owner_state, start_date, title);
