package de.foerderregister.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the outbox: claims a batch of due messages (committed), sends them with no transaction open,
 * then marks each one sent under its claim. Any number of instances run it on one database; each
 * message is claimed by one of them at a time.
 *
 * <p>What this guarantees: a committed message is sent at least once, unless the relay refuses it
 * for good or every attempt fails (then it is FAILED, with the reason in {@code last_error}). It is
 * sent twice only when an instance dies (or loses its database) after the relay accepted the message
 * and before the mark was written: the lease then runs out and another round sends it again, with
 * the same Message-ID. A message is not sent once its lease has too little time left for the send,
 * so a slow worker does not race the instance that takes over.
 */
@Singleton
@Requires(property = "registry.notifications.enabled", notEquals = "false")
@Requires(property = "registry.notifications.smtp.host", pattern = ".*\\S.*")
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxClaims claims;
    private final MailRelay relay;
    private final OutboxMetrics metrics;
    private final NotificationSettings settings;
    private final Duration sendTime;
    private final Clock clock;
    /** Held while a round runs; a shutdown waits for it, so that the database is not closed under a send's mark. */
    private final Lock working = new ReentrantLock();
    private final AtomicBoolean stopping = new AtomicBoolean();

    OutboxWorker(OutboxClaims claims, MailRelay relay, OutboxMetrics metrics, NotificationSettings settings,
                 SmtpSettings smtp, Clock clock) {
        this.claims = claims;
        this.relay = relay;
        this.metrics = metrics;
        this.settings = settings;
        // the longest one send may take: connecting, then waiting for the relay's answer to the message
        this.sendTime = smtp.connectTimeout().plus(smtp.readTimeout());
        if (settings.lease().compareTo(sendTime.multipliedBy(2)) < 0) {
            // a lease that cannot hold a send or two would hand every message back unsent, round after round
            throw new IllegalStateException("registry.notifications.lease (" + settings.lease() + ") must be at least twice "
                    + "registry.notifications.smtp.connect-timeout + read-timeout (" + sendTime + ")");
        }
        this.clock = clock;
    }

    /** Rounds until a round finds less than a full batch: a backlog is worked off without waiting for the next tick. */
    @Scheduled(fixedDelay = "${registry.notifications.poll-interval}")
    void deliverDue() {
        if (!working.tryLock()) {
            return;
        }
        try {
            while (!stopping.get() && round() == settings.batchSize()) {
                LOG.debug("A full batch was claimed; claiming the next");
            }
        } catch (RuntimeException e) {
            // a lost database must not stop the timer; claims not marked run out and are taken again
            LOG.warn("Could not work the outbox: {}", e.toString());
        } finally {
            working.unlock();
        }
    }

    /**
     * On shutdown (a deployment, a restart) the message being sent is finished and marked, the rest of
     * the round is handed back at once: an orderly stop sends nothing twice and leaves no claim to wait out.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping.set(true);
        if (working.tryLock(sendTime.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            working.unlock();
        } else {
            LOG.warn("The outbox worker's round did not end in time; its claims are taken again when their lease ends");
        }
    }

    /** One claim and its sends; answers how many messages were claimed. */
    int round() {
        String token = UUID.randomUUID().toString();
        Instant now = now();
        Instant leaseEnd = now.plus(settings.lease());
        List<OutboxMessage> claimed = claims.claim(token, now, leaseEnd, settings.batchSize());
        MessagingException unreachable = null;
        try (MailRelay.Connection connection = relay.connection()) {
            for (OutboxMessage message : claimed) {
                if (stopping.get() || now().plus(sendTime).isAfter(leaseEnd)) {
                    // shutting down; or another instance may take the message when the lease ends, and
                    // sending it now could cross its send
                    claims.release(message, token);
                    continue;
                }
                if (unreachable != null) {
                    failed(message, token, unreachable, false);
                    continue;
                }
                try {
                    connection.send(message);
                } catch (MailRelay.RelayUnreachable e) {
                    unreachable = e;
                    failed(message, token, e, false);
                    continue;
                } catch (MessagingException | RuntimeException e) {
                    failed(message, token, e, MailRelay.permanent(e));
                    continue;
                }
                sent(message, token);
            }
        }
        if (unreachable != null) {
            LOG.warn("Could not connect to the mail relay; this round's messages wait for their next attempt: {}",
                    relay.describe(unreachable));
        }
        return claimed.size();
    }

    private void sent(OutboxMessage message, String token) {
        metrics.sent();
        if (!claims.markSent(message, token, now())) {
            LOG.warn("Outbox message {} was sent after its claim had run out: another instance may send it again, "
                    + "with the same Message-ID", message.id());
        }
    }

    private void failed(OutboxMessage message, String token, Exception failure, boolean permanent) {
        int attempts = message.attempts() + 1;
        boolean givenUp = permanent || attempts >= settings.maxAttempts();
        Instant now = now();
        String error = relay.describe(failure);
        if (!claims.recordFailure(message, token, givenUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, attempts, error,
                givenUp ? now : now.plus(backoff(attempts)))) {
            LOG.warn("Outbox message {} failed after its claim had run out; the instance holding it now decides", message.id());
            return;
        }
        if (givenUp) {
            metrics.failed();
            LOG.warn("Outbox message {} given up after {} attempt(s): {}", message.id(), attempts, error);
        } else {
            metrics.retried();
            LOG.info("Outbox message {} failed (attempt {}), tried again later: {}", message.id(), attempts, error);
        }
    }

    /** backoff · 2^(attempts − 1), at most maxBackoff. */
    Duration backoff(int attempts) {
        Duration wait = settings.backoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) < 0 ? wait : settings.maxBackoff();
    }

    private Instant now() {
        // the columns hold microseconds: a claim compared with a truncated time must not miss itself
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
