package de.foerderregister.notification;

/**
 * What a mail tells of, and the unit a user opts out of. Each kind has its recipients: SPEC's
 * "Notifications" names them, {@code NotificationKind} keeps the list in one place.
 */
public enum NotificationKind {
    /** An application was submitted: to FITKO. */
    APPLICATION_SUBMITTED,
    /** An application was approved, rejected or returned: to its state's users. */
    APPLICATION_DECIDED,
    /** An amendment waits for a second pair of eyes: to the FITKO users but its proposer. */
    AMENDMENT_PROPOSED,
    /** A payment was released for booking: to the state's users. */
    PAYMENT_RELEASED,
    /** A payment was booked as paid: to the state's users. */
    PAYMENT_PAID,
    /** A payment request was rejected: to the state's users. */
    PAYMENT_REJECTED,
    /** A report falls due within the reminder period: to the state's users. */
    OBLIGATION_DUE,
    /** A report is overdue: to the state's users. */
    OBLIGATION_OVERDUE,
    /** Once a week, what waits for the user: to every user for whom something waits. */
    WEEKLY_DIGEST
}
