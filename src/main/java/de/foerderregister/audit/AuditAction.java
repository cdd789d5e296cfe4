package de.foerderregister.audit;

/** What happened to an application or, for the last four, to a user account. */
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
    AMENDMENT_DECLINED,
    /** A status report with its lights; the old values are the lights of the report before. */
    STATUS_REPORTED,
    USER_CREATED,
    /** Enabled or disabled, role, state or e-mail address changed. */
    USER_CHANGED,
    /** An administrator set a new password. */
    PASSWORD_RESET,
    /** The user changed their own password. */
    PASSWORD_CHANGED
}
