-- The budget summary with ?asOf= adds up, per application and year, what was paid and repaid by that
-- day (BudgetReportRepository#paidByYear). The indexes by application held the year and status but not
-- the day and the amount, so every payment row was fetched from the table by its primary key: about half
-- the time of that summary. With the day and the amount in the index the sums are read from it alone.
-- The leading columns stay, so the rules that look payments up by application and year use it as before.
ALTER TABLE payment
    DROP INDEX ix_payment_application,
    ADD INDEX ix_payment_application (application_id, year, status, paid_on, amount);

ALTER TABLE repayment
    DROP INDEX ix_repayment_application,
    ADD INDEX ix_repayment_application (application_id, year, received_on, amount);
