package de.foerderregister.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * A worker's hold on outbox messages. A claim is taken in a short transaction of its own and
 * committed before anything is sent, so that no transaction (and no row lock) stays open while the
 * relay is talked to; the lease in {@code claimed_until} keeps other instances off meanwhile and
 * hands the messages on when the claiming instance dies. Every step after the claim names the
 * claim's token: a worker whose lease ran out changes nothing.
 */
@Singleton
class OutboxClaims {

    private final OutboxRepository messages;

    OutboxClaims(OutboxRepository messages) {
        this.messages = messages;
    }

    /** Claims up to {@code batch} due messages for {@code token} until {@code until}; they are committed as claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxMessage> claim(String token, Instant now, Instant until, int batch) {
        List<OutboxMessage> due = messages.findDueForUpdate(now, batch);
        due.forEach(message -> messages.claim(message.id(), token, until));
        return due;
    }

    /** False: the claim had passed to another instance, which may send the message again. */
    boolean markSent(OutboxMessage message, String token, Instant sentAt) {
        return messages.markSent(message.id(), token, sentAt) == 1;
    }

    boolean recordFailure(OutboxMessage message, String token, OutboxStatus status, int attempts, String error,
                          Instant nextAttemptAt) {
        return messages.recordFailure(message.id(), token, status.name(), attempts, error, nextAttemptAt) == 1;
    }

    void release(OutboxMessage message, String token) {
        messages.release(message.id(), token);
    }
}
