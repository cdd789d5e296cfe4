-- Write lanes (issue 18): on a Galera cluster every node writes its own rows of the shared hot spots,
-- so two nodes never write the same row and never fail each other's certification. A lane is the
-- node's auto_increment_offset (see de.foerderregister.db.WriteLanes); a single server is lane 1.
-- Everything written before this version belongs to lane 1, so an upgraded database verifies unchanged.

-- The audit chain: one chain per lane, each with its own head row. New lanes start from the genesis
-- hash when they first write (AuditChainHeadRepository#openOwnLane).
ALTER TABLE audit_chain_head
    DROP CONSTRAINT ck_audit_chain_head_single;

ALTER TABLE audit_chain_head
    CHANGE id lane SMALLINT NOT NULL;

ALTER TABLE audit_chain_head
    ADD CONSTRAINT ck_audit_chain_head_lane CHECK (lane >= 1);

ALTER TABLE audit_event
    ADD COLUMN lane SMALLINT NOT NULL DEFAULT 1;

-- File numbers: a lane hands out the numbers of a block it took from the year's counter
-- (reference_counter) in a short transaction of its own, so only that short transaction can meet
-- another node. last_value is the last number handed out of the block, block_end its last number.
CREATE TABLE reference_block (
    year       SMALLINT NOT NULL,
    lane       SMALLINT NOT NULL,
    last_value INT      NOT NULL,
    block_end  INT      NOT NULL,
    PRIMARY KEY (year, lane),
    CONSTRAINT ck_reference_block_within CHECK (last_value <= block_end)
) ENGINE = InnoDB;

-- The budget summary's kept figures: each lane adds its differences to its own rows; readers sum
-- over the lanes. The lane comes last in the key, so writers still lock in the key order of V21.
ALTER TABLE summary_total
    ADD COLUMN lane SMALLINT NOT NULL DEFAULT 1,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (owner_state, type, funding_source, status, year, lane);
