-- The audit chain becomes keyed (HMAC-SHA-256 with a key kept outside the database): each event
-- names the key it was sealed with, so keys can rotate and old events stay verifiable.
ALTER TABLE audit_event
    ADD COLUMN key_id VARCHAR(32) NULL;

-- Events hashed before this version carry plain SHA-256. They are marked as such once, here, and
-- are trusted only up to the legacy boundary that the first start of this version anchors outside
-- the database (see AnchorLog). An event without a hash stays unmarked and is reported, never sealed.
UPDATE audit_event SET key_id = 'sha256' WHERE hash IS NOT NULL;

-- The database's identity, created once per database by this migration: anchor files are named
-- after it, so several databases can share one registry home and a restored backup is checked
-- against the anchors of the database it was taken from.
ALTER TABLE audit_chain_head
    ADD COLUMN installation_id CHAR(36) NULL;

UPDATE audit_chain_head SET installation_id = UUID() WHERE id = 1;

ALTER TABLE audit_chain_head
    MODIFY installation_id CHAR(36) NOT NULL;
