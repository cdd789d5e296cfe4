package de.foerderregister.decision;

/**
 * The one definition of "the approved amount of application {@code a} as it stood on
 * {@code :asOf}", as SQL so the ledger and the reports share it: the last approving decision
 * counts from its meeting day on, and the latest amendment in effect by that day (no second pair
 * needed, or CONFIRMED) replaces it, latest meeting first, then latest recorded. NULL where the
 * application was not approved by that day.
 */
public final class ApprovedAmountSql {

    public static final String AS_OF = """
            (SELECT COALESCE((
                    SELECT m.gross_amount FROM amendment m
                    LEFT JOIN amendment_review r ON r.amendment_id = m.id
                    WHERE m.application_id = a.id AND m.meeting_date <= :asOf
                      AND (NOT m.needs_second_pair OR r.outcome = 'CONFIRMED')
                    ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1),
                d.approved_amount)
             FROM decision d
             WHERE d.id = (SELECT MAX(d2.id) FROM decision d2
                           WHERE d2.application_id = a.id AND d2.outcome = 'APPROVED')
               AND d.meeting_date <= :asOf)""";

    private ApprovedAmountSql() {
    }
}
