-- The reports an approved application owes (ANBest-P 6.1, NABF 4.4): an interim report
-- (Zwischennachweis) for each calendar year of the runtime but the last that holds an approved
-- share, and a final report (Verwendungsnachweis) after the end. The state (or FITKO on its behalf)
-- submits, FITKO accepts or returns; every move is in the audit chain as well.

-- period_year: the year an interim report covers; for the final report the runtime's last year.
-- One row per report and period: the key keeps a repeated creation from writing a second one.
CREATE TABLE obligation (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    period_year    SMALLINT     NOT NULL,
    due_date       DATE         NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_obligation_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT uq_obligation_period UNIQUE (application_id, kind, period_year),
    CONSTRAINT ck_obligation_kind CHECK (kind IN ('INTERIM', 'FINAL')),
    CONSTRAINT ck_obligation_status CHECK (status IN ('OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED'))
) ENGINE = InnoDB;

-- the work lists: by status and due date, oldest first
CREATE INDEX ix_obligation_status_due ON obligation (status, due_date, id);

-- Each submission of a report with its review; a returned report is submitted again as a new row,
-- so what was returned, and why, stays readable.
CREATE TABLE obligation_submission (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    obligation_id BIGINT        NOT NULL,
    report_text   VARCHAR(4000) NOT NULL,
    submitted_by  VARCHAR(64)   NOT NULL,
    submitted_at  TIMESTAMP(6)  NOT NULL,
    outcome       VARCHAR(16)   NULL,
    reason        VARCHAR(1000) NULL,
    reviewed_by   VARCHAR(64)   NULL,
    reviewed_at   TIMESTAMP(6)  NULL,
    CONSTRAINT fk_obligation_submission_obligation FOREIGN KEY (obligation_id) REFERENCES obligation (id),
    CONSTRAINT ck_obligation_submission_outcome CHECK (outcome IS NULL OR outcome IN ('ACCEPTED', 'RETURNED')),
    CONSTRAINT ck_obligation_submission_review CHECK ((outcome IS NULL) = (reviewed_by IS NULL AND reviewed_at IS NULL)),
    CONSTRAINT ck_obligation_submission_reason CHECK ((COALESCE(outcome, '') = 'RETURNED') = (reason IS NOT NULL))
) ENGINE = InnoDB;

CREATE INDEX ix_obligation_submission_obligation ON obligation_submission (obligation_id, id);
