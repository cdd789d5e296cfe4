package de.foerderregister.audit;

/** What happened to an application. */
public enum AuditAction {
    CREATED,
    UPDATED,
    SUBMITTED,
    WITHDRAWN
}
