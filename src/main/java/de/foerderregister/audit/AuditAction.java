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
    /** A payment was requested against a year of the approval (Mittelabruf). */
    PAYMENT_REQUESTED,
    PAYMENT_RELEASED,
    /** Finance booked the payment: paid on a date, under a booking reference. */
    PAYMENT_PAID,
    PAYMENT_REJECTED,
    PAYMENT_CANCELLED,
    /** Money came back (Rückzahlung). */
    REPAYMENT_RECORDED,
    USER_CREATED,
    /** Enabled or disabled, role, state or e-mail address changed. */
    USER_CHANGED,
    /** An administrator set a new password. */
    PASSWORD_RESET,
    /** The user changed their own password. */
    PASSWORD_CHANGED
}
