-- Bulk data for the benchmark and the large-report check: APPLICATIONS applications with a
-- two-year annual plan and its year split, every third one approved (with its decision), every
-- tenth approved one amended; each approved one paid in eight tranches a year, seven paid and the
-- last requested (16 payments per approval: 5.3 M payments for 1 M applications), and envelopes
-- for both funding sources and the years 2020 to 2023. File numbers 1999-NNNNNNN keep them apart from real data.
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

INSERT IGNORE INTO budget_envelope (funding_source, year, amount, reason, set_by, set_at, version)
SELECT s.source, 2019 + y.seq, ROUND(t.approved * 1.1, 2), 'Mittelrahmen (Benchmark)', 'bulk', NOW(6), 0
FROM (SELECT 'DIGITALISATION_BUDGET' AS source UNION ALL SELECT 'STIMULUS_PACKAGE') s JOIN seq_1_to_4 y
JOIN allocation_total t ON t.funding_source = s.source AND t.year = 2019 + y.seq;

SET SESSION foreign_key_checks = 1;
ANALYZE TABLE funding_application, annual_plan_line, year_allocation, decision, amendment, payment, allocation_total,
    payment_total, budget_envelope;
