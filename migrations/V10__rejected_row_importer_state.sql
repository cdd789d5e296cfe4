-- A rejected import row belongs to the state of the user who uploaded it, not to the state the row
-- claims: a NW user's row saying owner_state=ST is NW's mistake and must never show up, with NW's
-- title and text, among ST's data-quality findings. NULL: uploaded by FITKO, visible to FITKO and
-- FINANCE only.
ALTER TABLE import_rejected_row ADD COLUMN importer_state VARCHAR(4) NULL AFTER run_id;

UPDATE import_rejected_row r JOIN import_run run ON run.id = r.run_id SET r.importer_state = run.importer_state;

ALTER TABLE import_rejected_row ADD CONSTRAINT ck_import_rejected_row_importer_state CHECK (importer_state IS NULL
    OR importer_state IN ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH','BUND'));

-- The findings read one state's rejected rows, newest per title first.
CREATE INDEX ix_import_rejected_row_scope ON import_rejected_row (importer_state, title);
