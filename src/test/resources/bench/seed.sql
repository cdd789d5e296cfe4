-- Bulk data for the benchmark and the large-report check: APPLICATIONS applications with a
-- two-year annual plan and its year split, every third one approved (with its decision), every
-- tenth approved one amended. File numbers 1999-NNNNNNN keep them apart from real data.
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

SET SESSION foreign_key_checks = 1;
ANALYZE TABLE funding_application, annual_plan_line, year_allocation, decision, amendment;
