-- Idempotency keys are opaque tokens: "abc" and "ABC" (or "é" and "e") are different keys. The
-- table's accent- and case-insensitive collation made them one, so a client's second request could
-- be answered with another request's response.
ALTER TABLE idempotency_record
    MODIFY idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
