package de.foerderregister.obligation;

/** What report an approved application owes. */
public enum ObligationKind {
    /** Zwischennachweis: the use of one calendar year's money, due in the following year. */
    INTERIM,
    /** Verwendungsnachweis: the use of all the money, due some months after the runtime's end. */
    FINAL
}
