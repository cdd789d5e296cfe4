-- Failed logins per username, so repeated guessing is throttled on every instance alike.
CREATE TABLE login_failure (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username  VARCHAR(255) NOT NULL,
    failed_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_login_failure_username ON login_failure (username, failed_at);
