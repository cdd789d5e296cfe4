package de.foerderregister.notification;

import de.foerderregister.notification.Letter.Phrase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sent messages are deleted after the retention; what is still owed or was given up stays. */
@MicronautTest(transactional = false)
class OutboxRetentionTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository messages;
    @Inject
    OutboxRetention retention;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aMessageSentLongerAgoThanTheRetentionIsDeletedAndNothingElse() {
        long subject = 2_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
        transactions.executeWrite(status -> {
            outbox.write(new Letter(NotificationKind.PAYMENT_PAID, Phrase.of("mail.link"), List.of(), List.of(), null),
                    List.of(recipient("old"), recipient("recent"), recipient("failed"), recipient("pending")), subject, null);
            return null;
        });
        List<OutboxMessage> written = messages.findByApplicationIdOrderById(subject);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        sent(written.get(0), now.minus(Duration.ofDays(91)));
        sent(written.get(1), now.minus(Duration.ofDays(89)));
        String token = UUID.randomUUID().toString();
        messages.claim(written.get(2).id(), token, now.plusSeconds(60));
        messages.recordFailure(written.get(2).id(), token, OutboxStatus.FAILED.name(), 1, "refused for good",
                now.minus(Duration.ofDays(200)));

        assertTrue(retention.purge() >= 1);

        List<OutboxMessage> kept = messages.findByApplicationIdOrderById(subject);
        assertEquals(List.of(written.get(1).id(), written.get(2).id(), written.get(3).id()),
                kept.stream().map(OutboxMessage::id).toList());
        assertEquals(List.of(OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.PENDING),
                kept.stream().map(OutboxMessage::status).toList());
    }

    @Test
    void aRetentionShorterThanTheRemindersOnceOnlyWindowDoesNotStart() {
        // due-within 14 days: a reminder's row must outlive 35 days, or the reminder is written again
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new NotificationSettings(
                true, "registry@example.org", Duration.ofSeconds(5), 50, Duration.ofMinutes(2), 12, Duration.ofSeconds(30),
                Duration.ofHours(1), 14, DayOfWeek.MONDAY, Duration.ofDays(30)));
        assertTrue(refused.getMessage().contains("must be at least 35 days"), refused.getMessage());
    }

    private void sent(OutboxMessage message, Instant at) {
        String token = UUID.randomUUID().toString();
        messages.claim(message.id(), token, at.plusSeconds(60));
        assertEquals(1, messages.markSent(message.id(), token, at));
    }

    private static Recipient recipient(String name) {
        return new Recipient(name + "-" + UUID.randomUUID(), name + "@example.org", Locale.GERMAN);
    }
}
