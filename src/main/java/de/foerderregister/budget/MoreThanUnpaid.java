package de.foerderregister.budget;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;

import java.math.BigDecimal;
import java.util.List;

/** 409: a carry-over of more than the year's approved share not yet held by payments; names what remains. */
public class MoreThanUnpaid extends Conflict {

    MoreThanUnpaid(long applicationId, int year, BigDecimal unpaid) {
        super("Application " + applicationId + " has " + unpaid.toPlainString() + " of its share of " + year
                        + " not yet requested or paid; no more can be carried over.",
                List.of(new FieldError("amount", RuleCode.CARRY_OVER_MORE_THAN_UNPAID, year, unpaid.toPlainString())));
    }
}
