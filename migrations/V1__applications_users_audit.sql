-- Förderregister base schema: funding applications with their annual plans, user accounts,
-- the per-year reference counter and the audit trail. Money is always DECIMAL(15,2).

CREATE TABLE user_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    state_code    VARCHAR(4)   NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_user_account_username UNIQUE (username),
    CONSTRAINT ck_user_account_role CHECK (role IN ('STATE', 'FITKO', 'FINANCE', 'ADMIN')),
    -- a STATE user is bound to exactly one state; nobody else is bound to any
    CONSTRAINT ck_user_account_state CHECK ((role = 'STATE') = (state_code IS NOT NULL)),
    CONSTRAINT ck_user_account_state_code CHECK (state_code IS NULL OR state_code IN
        ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH','BUND'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per calendar year; references are drawn by incrementing it inside the creating
-- transaction, so numbers are unique and never handed out twice.
CREATE TABLE reference_counter (
    year       SMALLINT NOT NULL PRIMARY KEY,
    last_value INT      NOT NULL,
    CONSTRAINT ck_reference_counter_value CHECK (last_value >= 0)
) ENGINE = InnoDB;

-- The signing secret for access tokens when none is configured: generated once and kept
-- with the data, so every instance on this database signs and verifies with the same key.
CREATE TABLE registry_secret (
    name       VARCHAR(32)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE funding_application (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference        VARCHAR(16)    NOT NULL,
    title            VARCHAR(200)   NOT NULL,
    owner_state      VARCHAR(4)     NOT NULL,
    type             VARCHAR(32)    NOT NULL,
    funding_source   VARCHAR(32)    NOT NULL,
    start_date       DATE           NOT NULL,
    end_date         DATE           NOT NULL,
    requested_amount DECIMAL(15, 2) NOT NULL,
    approved_amount  DECIMAL(15, 2) NULL,
    status           VARCHAR(16)    NOT NULL,
    notes            VARCHAR(4000)  NULL,
    created_by       VARCHAR(64)    NOT NULL,
    created_at       TIMESTAMP(6)   NOT NULL,
    updated_at       TIMESTAMP(6)   NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT uq_funding_application_reference UNIQUE (reference),
    CONSTRAINT ck_funding_application_reference CHECK (reference REGEXP '^[0-9]{4}-[0-9]{4,}$'),
    CONSTRAINT ck_funding_application_title CHECK (CHAR_LENGTH(title) BETWEEN 3 AND 200),
    CONSTRAINT ck_funding_application_state CHECK (owner_state IN
        ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH','BUND')),
    CONSTRAINT ck_funding_application_type CHECK (type IN ('REFERENCE_IMPLEMENTATION', 'STANDARD')),
    CONSTRAINT ck_funding_application_source CHECK (funding_source IN ('DIGITALISATION_BUDGET', 'STIMULUS_PACKAGE')),
    CONSTRAINT ck_funding_application_status CHECK (status IN
        ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    CONSTRAINT ck_funding_application_runtime CHECK (end_date >= start_date
        AND end_date <= start_date + INTERVAL 10 YEAR),
    CONSTRAINT ck_funding_application_requested CHECK (requested_amount > 0),
    CONSTRAINT ck_funding_application_approved CHECK (approved_amount IS NULL OR approved_amount >= 0),
    CONSTRAINT ck_funding_application_version CHECK (version >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_funding_application_state_status ON funding_application (owner_state, status, created_at);
CREATE INDEX ix_funding_application_status ON funding_application (status, created_at);
CREATE INDEX ix_funding_application_created ON funding_application (created_at);

CREATE TABLE annual_plan_line (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT         NOT NULL,
    year           SMALLINT       NOT NULL,
    amount         DECIMAL(15, 2) NOT NULL,
    CONSTRAINT fk_annual_plan_line_application FOREIGN KEY (application_id)
        REFERENCES funding_application (id),
    CONSTRAINT uq_annual_plan_line_year UNIQUE (application_id, year),
    CONSTRAINT ck_annual_plan_line_amount CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    occurred_at    TIMESTAMP(6) NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    actor_role     VARCHAR(16)  NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    changes        LONGTEXT     NOT NULL,
    CONSTRAINT fk_audit_event_application FOREIGN KEY (application_id)
        REFERENCES funding_application (id),
    CONSTRAINT ck_audit_event_changes CHECK (JSON_VALID(changes))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_event_application ON audit_event (application_id, id);
