package de.foerderregister.budget;

/** What took an envelope past its amount. */
public enum OverCommitmentCause {
    DECISION,
    /** a meeting's batch of decisions */
    BATCH,
    /** an amendment taking effect at once, or a proposed one confirmed */
    AMENDMENT,
    CARRY_OVER,
    /** the envelope itself, lowered below what was already committed */
    ENVELOPE
}
