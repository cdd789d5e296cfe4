package de.foerderregister.notification;

import de.foerderregister.notification.Letter.Phrase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The outbox is written in the change's transaction: with it, or not at all. */
@MicronautTest(transactional = false)
class OutboxWriteTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository messages;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aCommittedLetterIsOneMessagePerRecipientInTheirLanguageWithAMessageIdOfItsOwn() {
        long subject = uniqueApplicationId();
        Letter letter = new Letter(NotificationKind.PAYMENT_PAID, Phrase.of("mail.link"),
                List.of(Phrase.of("mail.footer")), List.of(), "/ui/applications/" + subject);
        transactions.executeWrite(status -> {
            outbox.write(letter, List.of(new Recipient("a", "a@example.org", Locale.GERMAN),
                    new Recipient("b", "b@example.org", Locale.ENGLISH)), subject, null);
            return null;
        });

        List<OutboxMessage> written = messages.findByApplicationIdOrderById(subject);
        assertEquals(2, written.size());
        OutboxMessage german = written.get(0);
        OutboxMessage english = written.get(1);
        assertEquals(OutboxStatus.PENDING, german.status());
        assertEquals("Im Förderregister öffnen", german.subject());
        assertEquals("Open in the Funding Register", english.subject());
        assertTrue(german.textBody().contains("http://localhost:8080/ui/applications/" + subject + "\n"), german.textBody());
        assertTrue(english.textBody().contains("/ui/applications/" + subject + "?lang=en"), english.textBody());
        assertTrue(english.htmlBody().contains("<html lang=\"en\">"), english.htmlBody());
        assertFalse(german.htmlBody().contains("<img"), "no images, no tracking");
        assertNotEquals(german.messageId(), english.messageId());
        assertTrue(german.messageId().matches("<[0-9a-f-]{36}@localhost>"), german.messageId());
    }

    @Test
    void aChangeThatRollsBackLeavesNoMessage() {
        long subject = uniqueApplicationId();
        Letter letter = new Letter(NotificationKind.PAYMENT_PAID, Phrase.of("mail.link"), List.of(), List.of(), null);
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            outbox.write(letter, List.of(new Recipient("a", "a@example.org", Locale.GERMAN)), subject, null);
            throw new IllegalStateException("the change fails after its mail was written");
        }));
        assertEquals(List.of(), messages.findByApplicationIdOrderById(subject));
    }

    @Test
    void aLetterWrittenTwiceUnderOneDedupKeyIsOneMessage() {
        long subject = uniqueApplicationId();
        Letter letter = new Letter(NotificationKind.OBLIGATION_DUE, Phrase.of("mail.link", BigDecimal.ONE),
                List.of(), List.of(), null);
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            transactions.executeWrite(status -> {
                outbox.write(letter, List.of(new Recipient("a", "a@example.org", Locale.GERMAN)), subject, key);
                return null;
            });
        }
        assertEquals(1, messages.findByApplicationIdOrderById(subject).size());
    }

    /** No application has this id: the outbox names the application without a foreign key. */
    private static long uniqueApplicationId() {
        return 1_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
    }
}
