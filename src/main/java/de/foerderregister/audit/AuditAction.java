package de.foerderregister.audit;

/** What happened to an application (its reports included), to a user account (USER_CREATED to PASSWORD_CHANGED) or
 * to a budget envelope. */
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
    /** A report the approval (or a change of the approved year shares) made the application owe. */
    OBLIGATION_CREATED,
    /** An OPEN report no longer owed: its year holds no approved share any more. */
    OBLIGATION_DROPPED,
    OBLIGATION_SUBMITTED,
    OBLIGATION_ACCEPTED,
    OBLIGATION_RETURNED,
    /** A status report with its lights; the old values are the lights of the report before. */
    STATUS_REPORTED,
    /** A payment was requested against a year of the approval (Mittelabruf). */
    PAYMENT_REQUESTED,
    PAYMENT_RELEASED,
    /** Finance booked the payment: paid on a date, under a booking reference. */
    PAYMENT_PAID,
    PAYMENT_REJECTED,
    PAYMENT_CANCELLED,
    /** Money came back (Rückzahlung). */
    REPAYMENT_RECORDED,
    /** A file was stored with the application; its size and SHA-256 are in the event. */
    DOCUMENT_ADDED,
    /** A document was marked withdrawn with a reason; it stays stored and readable. */
    DOCUMENT_WITHDRAWN,
    USER_CREATED,
    /** Enabled or disabled, role, state or e-mail address changed. */
    USER_CHANGED,
    /** An administrator set a new password. */
    PASSWORD_RESET,
    /** The user changed their own password. */
    PASSWORD_CHANGED,
    /** FINANCE set the amount of a budget envelope (funding source × year). */
    ENVELOPE_SET,
    /** Part of an application's approved share moved from one year to a later one. */
    CARRIED_OVER,
    /** A change took one or more envelopes past their amount, with the reason given for it. */
    OVER_COMMITTED,
    /** An administrator (or the command line) rewrote kept aggregates that differed from the rows. */
    AGGREGATES_REPAIRED
}
