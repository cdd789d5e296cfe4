package de.foerderregister.audit;

/** What happened to an application. */
public enum AuditAction {
    CREATED,
    /** Created from a row of an import file. */
    IMPORTED,
    UPDATED,
    SUBMITTED,
    WITHDRAWN,
    DECIDED,
    AMENDED,
    AMENDMENT_PROPOSED,
    AMENDMENT_CONFIRMED,
    AMENDMENT_DECLINED
}
