package de.foerderregister.budget;

/** Mittelabruf → Auszahlung. A payment leaves REQUESTED or RELEASED for good; PAID is never changed. */
public enum PaymentStatus {
    REQUESTED,
    RELEASED,
    PAID,
    REJECTED,
    CANCELLED
}
