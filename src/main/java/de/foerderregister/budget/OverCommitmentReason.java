package de.foerderregister.budget;

import de.foerderregister.decision.DecisionRules;
import de.foerderregister.problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code overCommitment: {reason}} of a decision, batch, amendment, amendment review, carry-over or
 * envelope: why the change may take an envelope past its amount. Without it such a change is refused.
 */
@Serdeable
public record OverCommitmentReason(@Nullable String reason) {

    static final String FIELD = "overCommitment.reason";

    /**
     * The reason trimmed, or null where none was given; a given one must follow the text rules of a
     * reason, else its error is recorded (and null answered).
     */
    public static @Nullable OverCommitmentReason accept(List<FieldError> errors, @Nullable OverCommitmentReason given) {
        if (given == null) {
            return null;
        }
        String reason = DecisionRules.text(errors, FIELD, given.reason(), DecisionRules.REASON_MAX, true);
        return reason == null ? null : new OverCommitmentReason(reason);
    }
}
