package de.foerderregister.decision;

/**
 * The one definition of "the approved amount of application {@code a} as it stood on
 * {@code :asOf}", as SQL so the ledger and the reports share it: the last approving decision
 * counts from its meeting day on, and the latest amendment in effect by that day (no second pair
 * needed, or CONFIRMED) replaces it, latest meeting first, then latest recorded. NULL where the
 * application was not approved by that day.
 */
public final class ApprovedAmountSql {

    /*
     * One dependent lookup per application, the last approving decision by its index, and the
     * amendments only where that decision was in effect: a nested MAX() and an amendment probe for
     * every application made the summary with ?asOf= three times as slow as reading the decisions.
     */
    public static final String AS_OF = """
            (SELECT IF(d.meeting_date <= :asOf, COALESCE((
                        SELECT m.gross_amount FROM amendment m
                        LEFT JOIN amendment_review r ON r.amendment_id = m.id
                        WHERE m.application_id = a.id AND m.meeting_date <= :asOf
                          AND (NOT m.needs_second_pair OR r.outcome = 'CONFIRMED')
                        ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1),
                    d.approved_amount), NULL)
             FROM decision d
             WHERE d.application_id = a.id AND d.outcome = 'APPROVED'
             ORDER BY d.id DESC LIMIT 1)""";

    private ApprovedAmountSql() {
    }
}
