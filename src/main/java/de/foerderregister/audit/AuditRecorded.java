package de.foerderregister.audit;

/** An audit event was written; after its transaction commits, the anchor log counts it. */
record AuditRecorded(long eventId) {
}
