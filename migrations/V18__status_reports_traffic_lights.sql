-- Status reports (Statusberichte): schedule, budget and quality of an approved project, each
-- GREEN, YELLOW or RED, at any time by its state or FITKO. Written once, never changed: the
-- reports are the history.
CREATE TABLE status_report (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    schedule       VARCHAR(8)    NOT NULL,
    budget         VARCHAR(8)    NOT NULL,
    quality        VARCHAR(8)    NOT NULL,
    comment        VARCHAR(4000) NULL,
    reported_by    VARCHAR(64)   NOT NULL,
    reported_at    TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_status_report_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_status_report_schedule CHECK (schedule IN ('GREEN', 'YELLOW', 'RED')),
    CONSTRAINT ck_status_report_budget CHECK (budget IN ('GREEN', 'YELLOW', 'RED')),
    CONSTRAINT ck_status_report_quality CHECK (quality IN ('GREEN', 'YELLOW', 'RED')),
    -- a light that is not green needs its explanation
    CONSTRAINT ck_status_report_comment CHECK (comment IS NOT NULL
        OR (schedule = 'GREEN' AND budget = 'GREEN' AND quality = 'GREEN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- an application's reports, newest (highest id) first
CREATE INDEX ix_status_report_application ON status_report (application_id, id);

-- The latest report's lights, kept on the application in the report's transaction: the list, its
-- light filters and the portfolio read them with the application, in one indexed query, however
-- many reports there are. overall is the worst of the three. All five are set together or not at all.
ALTER TABLE funding_application
    ADD COLUMN latest_status_schedule    VARCHAR(8)   NULL,
    ADD COLUMN latest_status_budget      VARCHAR(8)   NULL,
    ADD COLUMN latest_status_quality     VARCHAR(8)   NULL,
    ADD COLUMN latest_status_overall     VARCHAR(8)   NULL,
    ADD COLUMN latest_status_reported_at TIMESTAMP(6) NULL,
    ADD CONSTRAINT ck_funding_application_latest_status CHECK (
        (latest_status_reported_at IS NULL AND latest_status_schedule IS NULL AND latest_status_budget IS NULL
            AND latest_status_quality IS NULL AND latest_status_overall IS NULL)
        OR (latest_status_reported_at IS NOT NULL
            AND latest_status_schedule IN ('GREEN', 'YELLOW', 'RED')
            AND latest_status_budget IN ('GREEN', 'YELLOW', 'RED')
            AND latest_status_quality IN ('GREEN', 'YELLOW', 'RED')
            AND latest_status_overall = CASE
                WHEN 'RED' IN (latest_status_schedule, latest_status_budget, latest_status_quality) THEN 'RED'
                WHEN 'YELLOW' IN (latest_status_schedule, latest_status_budget, latest_status_quality) THEN 'YELLOW'
                ELSE 'GREEN' END));

-- The list's light filters, alone and within a state's scope (as V4 does for the other filters),
-- in the order of the default sort (newest first).
CREATE INDEX ix_funding_application_light ON funding_application (latest_status_overall, created_at);
CREATE INDEX ix_funding_application_state_light ON funding_application (owner_state, latest_status_overall, created_at);
CREATE INDEX ix_funding_application_schedule ON funding_application (latest_status_schedule, created_at);
CREATE INDEX ix_funding_application_budget ON funding_application (latest_status_budget, created_at);
CREATE INDEX ix_funding_application_quality ON funding_application (latest_status_quality, created_at);
-- The portfolio's counts per light and dimension read this index alone, never the table.
CREATE INDEX ix_funding_application_portfolio ON funding_application (status, owner_state, funding_source,
    latest_status_overall, latest_status_schedule, latest_status_budget, latest_status_quality);
