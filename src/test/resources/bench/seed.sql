-- Bulk data for the benchmark and the large-report check: APPLICATIONS applications with a
-- two-year annual plan and its year split, every third one approved (with its decision), every
-- tenth approved one amended; each approved one paid in eight tranches a year, seven paid and the
-- last requested (16 payments per approval: 5.3 M payments for 1 M applications), envelopes
-- for both funding sources and the years 2020 to 2023, and two status reports per approval. File numbers 1999-NNNNNNN keep them apart from real data.
-- {{APPLICATIONS}} is replaced by the number wanted; MariaDB's sequence engine provides the rows.
SET SESSION foreign_key_checks = 0;

INSERT INTO funding_application (reference, title, owner_state, type, funding_source, start_date, end_date,
    requested_amount, approved_amount, status, notes, created_by, created_at, updated_at, version)
SELECT CONCAT('1999-', LPAD(seq, 7, '0')), CONCAT('Projekt ', seq),
       ELT(1 + seq % 17, 'BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH','BUND'),
       IF(seq % 2 = 0, 'REFERENCE_IMPLEMENTATION', 'STANDARD'),
       IF(seq % 5 = 0, 'STIMULUS_PACKAGE', 'DIGITALISATION_BUDGET'),
       DATE('2020-01-01') + INTERVAL (seq % 365) DAY, DATE('2022-06-30') + INTERVAL (seq % 365) DAY,
       20000.00 + (seq * 37) % 2000000, IF(seq % 3 = 0, 20000.00 + (seq * 37) % 2000000, NULL),
       IF(seq % 3 = 0, 'APPROVED', 'SUBMITTED'), NULL, 'bulk', NOW(6), NOW(6), 0
FROM seq_1_to_{{APPLICATIONS}};

INSERT INTO annual_plan_line (application_id, year, amount)
SELECT id, 2020, requested_amount - ROUND(requested_amount / 2, 2) FROM funding_application WHERE created_by = 'bulk'
UNION ALL
SELECT id, 2021, ROUND(requested_amount / 2, 2) FROM funding_application WHERE created_by = 'bulk';

-- approved equals requested here, so the approved split is the plan itself
INSERT INTO year_allocation (application_id, year, requested, approved)
SELECT p.application_id, p.year, p.amount, IF(a.approved_amount IS NULL, 0.00, p.amount)
FROM annual_plan_line p JOIN funding_application a ON a.id = p.application_id WHERE a.created_by = 'bulk';

INSERT INTO decision (application_id, outcome, approved_amount, body, meeting_date, agenda_item, kind, recorded_by, recorded_at)
SELECT id, 'APPROVED', approved_amount, 'Abteilungsleiterrunde', '2021-01-19', 'TOP 08', 'RESOLUTION', 'bulk', NOW(6)
FROM funding_application WHERE created_by = 'bulk' AND status = 'APPROVED';

INSERT INTO amendment (application_id, previous_amount, net_amount, vat_rate_percent, vat_amount, gross_amount,
    reason, body, meeting_date, agenda_item, needs_second_pair, recorded_by, recorded_at)
SELECT id, approved_amount, approved_amount, NULL, 0.00, approved_amount, 'Bestand', 'Abteilungsleiterrunde',
       '2021-06-30', 'TOP 3', FALSE, 'bulk', NOW(6)
FROM funding_application WHERE created_by = 'bulk' AND status = 'APPROVED' AND id % 10 = 0;

INSERT INTO payment (application_id, year, amount, purpose, status, requested_by, requested_at, released_by,
    released_at, paid_on, booking_reference, paid_by, paid_at, version)
SELECT y.application_id, y.year, IF(t.seq = 8, y.approved - 7 * ROUND(y.approved / 8, 2), ROUND(y.approved / 8, 2)),
       CONCAT('Tranche ', t.seq), IF(t.seq = 8, 'REQUESTED', 'PAID'), 'bulk', NOW(6),
       IF(t.seq = 8, NULL, 'bulk'), IF(t.seq = 8, NULL, NOW(6)),
       IF(t.seq = 8, NULL, MAKEDATE(y.year, 10 + 40 * t.seq)), IF(t.seq = 8, NULL, CONCAT('B-', y.application_id, '-', y.year, '-', t.seq)),
       IF(t.seq = 8, NULL, 'bulk'), IF(t.seq = 8, NULL, NOW(6)), 0
FROM year_allocation y JOIN funding_application a ON a.id = y.application_id JOIN seq_1_to_8 t
WHERE a.created_by = 'bulk' AND y.approved > 0;

-- the kept totals follow the rows: recomputed whole, as the rows above bypassed the registry
INSERT INTO allocation_total (funding_source, year, approved)
SELECT a.funding_source, y.year, SUM(y.approved) FROM year_allocation y JOIN funding_application a ON a.id = y.application_id
GROUP BY a.funding_source, y.year
ON DUPLICATE KEY UPDATE approved = VALUES(approved);

INSERT INTO payment_total (funding_source, year, paid)
SELECT a.funding_source, p.year, SUM(p.amount) - COALESCE((SELECT SUM(r.amount) FROM repayment r
           JOIN funding_application ra ON ra.id = r.application_id
           WHERE ra.funding_source = a.funding_source AND r.year = p.year), 0)
FROM payment p JOIN funding_application a ON a.id = p.application_id WHERE p.status = 'PAID'
GROUP BY a.funding_source, p.year
ON DUPLICATE KEY UPDATE paid = VALUES(paid);

-- the budget summary's kept figures rebuilt whole, by V21's statement (SummaryTotalRepository#OF_ALL)
DELETE FROM summary_total;
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

INSERT IGNORE INTO budget_envelope (funding_source, year, amount, reason, set_by, set_at, version)
SELECT s.source, 2019 + y.seq, ROUND(t.approved * 1.1, 2), 'Mittelrahmen (Benchmark)', 'bulk', NOW(6), 0
FROM (SELECT 'DIGITALISATION_BUDGET' AS source UNION ALL SELECT 'STIMULUS_PACKAGE') s JOIN seq_1_to_4 y
JOIN allocation_total t ON t.funding_source = s.source AND t.year = 2019 + y.seq;

-- two status reports per approval, the second the latest: mostly green, some yellow, a few red lights
INSERT INTO status_report (application_id, schedule, budget, quality, comment, reported_by, reported_at)
SELECT r.id, ELT(1 + (r.k % 10 >= 7) + (r.k % 10 = 9), 'GREEN', 'YELLOW', 'RED'),
       ELT(1 + (r.k % 7 >= 5) + (r.k % 7 = 6), 'GREEN', 'YELLOW', 'RED'),
       IF(r.k % 13 = 0, 'YELLOW', IF(r.k % 29 = 0, 'RED', 'GREEN')),
       'Stand der Umsetzung', 'bulk', NOW(6) - INTERVAL (3 - r.report) MONTH
FROM (SELECT a.id, t.seq AS report, a.id DIV 3 + 5 * t.seq AS k
      FROM funding_application a JOIN seq_1_to_2 t WHERE a.created_by = 'bulk' AND a.status = 'APPROVED') r
ORDER BY r.report, r.id;
UPDATE funding_application a
JOIN status_report s ON s.id = (SELECT MAX(l.id) FROM status_report l WHERE l.application_id = a.id)
SET a.latest_status_schedule = s.schedule, a.latest_status_budget = s.budget, a.latest_status_quality = s.quality,
    a.latest_status_overall = IF('RED' IN (s.schedule, s.budget, s.quality), 'RED',
        IF('YELLOW' IN (s.schedule, s.budget, s.quality), 'YELLOW', 'GREEN')),
    a.latest_status_reported_at = s.reported_at
WHERE a.created_by = 'bulk';

SET SESSION foreign_key_checks = 1;
ANALYZE TABLE funding_application, annual_plan_line, year_allocation, decision, amendment, payment, allocation_total,
    payment_total, summary_total, budget_envelope, status_report;
