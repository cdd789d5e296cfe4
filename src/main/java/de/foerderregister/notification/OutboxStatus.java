package de.foerderregister.notification;

/** A message waits to be sent (again), was accepted by the relay, or was given up on. */
public enum OutboxStatus {
    PENDING,
    SENT,
    /** The relay refused the address for good, or every attempt failed; an operator looks at {@code last_error}. */
    FAILED
}
