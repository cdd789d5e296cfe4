package de.foerderregister.application;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A new approved amount whose split gives a year less than was carried out of it into later years:
 * the money carried on would have no source. The carry-overs stand; the amount must leave room for them.
 */
public class CarriedOutUncovered extends Conflict {

    CarriedOutUncovered(long applicationId, int year, BigDecimal carriedOut, BigDecimal newShare) {
        super("Application " + applicationId + " carried " + carriedOut.toPlainString() + " out of " + year
                        + " into later years; the new approved amount gives " + year + " only " + newShare.toPlainString() + ".",
                List.of(new FieldError("approvedAmount", RuleCode.CARRIED_OUT_UNCOVERED, year, carriedOut.toPlainString(),
                        newShare.toPlainString())));
    }
}
