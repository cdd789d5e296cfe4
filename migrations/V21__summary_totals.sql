-- The budget summary's figures kept per owner state × type × funding source × status × year, in the
-- transaction of every change that moves one (SummaryTotals), so the summary without asOf reads a
-- few hundred rows instead of grouping every application, year part, payment and repayment.
--   year 0: the whole applications: members = counted = applications, requested and approved amounts,
--           paid = every PAID payment less every repayment, whatever their year;
--   year Y: the year parts (year_allocation) of year Y: members = year parts, counted = those with
--           something requested, paid = the payments of year Y less the repayments of year Y.
-- A group exists in the summary where members > 0; rows that fell back to zero stay (a key set of a
-- few hundred), so a change never deletes a row another writer is about to add to.
CREATE TABLE summary_total (
    owner_state    VARCHAR(4)     NOT NULL,
    type           VARCHAR(32)    NOT NULL,
    funding_source VARCHAR(32)    NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    year           SMALLINT       NOT NULL,
    members        BIGINT         NOT NULL,
    counted        BIGINT         NOT NULL,
    requested      DECIMAL(20, 2) NOT NULL,
    approved       DECIMAL(20, 2) NOT NULL,
    paid           DECIMAL(20, 2) NOT NULL,
    PRIMARY KEY (owner_state, type, funding_source, status, year)
) ENGINE = InnoDB;

-- The same statement as SummaryTotalRepository#rebuild and the bulk seed's last step.
INSERT INTO summary_total (owner_state, type, funding_source, status, year, members, counted, requested, approved, paid)
SELECT c.owner_state, c.type, c.funding_source, c.status, c.year,
       SUM(c.members), SUM(c.counted), SUM(c.requested), SUM(c.approved), SUM(c.paid)
FROM (SELECT a.owner_state, a.type, a.funding_source, a.status, 0 AS year, 1 AS members, 1 AS counted,
             a.requested_amount AS requested, COALESCE(a.approved_amount, 0.00) AS approved, 0.00 AS paid
      FROM funding_application a
      UNION ALL
      SELECT a.owner_state, a.type, a.funding_source, a.status, y.year, 1, CASE WHEN y.requested <> 0 THEN 1 ELSE 0 END,
             y.requested, y.approved, 0.00
      FROM year_allocation y JOIN funding_application a ON a.id = y.application_id
      UNION ALL
      -- each payment and repayment counts twice: in the whole application (year 0) and in its year
      SELECT a.owner_state, a.type, a.funding_source, a.status, CASE WHEN w.whole = 1 THEN 0 ELSE m.year END,
             0, 0, 0.00, 0.00, m.amount
      FROM (SELECT application_id, year, amount FROM payment WHERE status = 'PAID'
            UNION ALL SELECT application_id, year, -amount FROM repayment) m
      JOIN funding_application a ON a.id = m.application_id
      CROSS JOIN (SELECT 0 AS whole UNION ALL SELECT 1) w) c
GROUP BY c.owner_state, c.type, c.funding_source, c.status, c.year;
