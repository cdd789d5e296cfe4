package de.foerderregister.decision;

/** Beschluss, Protokollnotiz or Folgeauftrag. */
public enum DecisionKind {
    RESOLUTION,
    RECORD_NOTE,
    FOLLOW_UP
}
