package de.foerderregister.notification;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.notification.TimerFixture.Sent;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timer's mails from the outbox through the outbox worker to a real SMTP server (GreenMail):
 * each arrives once with the Message-ID written for it, also when the timer runs twice, and an
 * opted-out user receives the kind they kept and not the one they opted out of.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = SettableClock.PROPERTY, value = "true")
class TimerMailDeliveryTest implements TestPropertyProvider {

    private final MailServer mail = MailServer.start();

    @Inject
    TestApi api;
    @Inject
    SettableClock clock;
    @Inject
    NotificationTimer timer;
    @Inject
    TimerFixture fixture;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        mail.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("registry.notifications.poll-interval", "100ms");
        return properties;
    }

    @AfterAll
    void stopMailServer() {
        mail.close();
    }

    @Test
    void remindersAndTheDigestArriveOnceAndAnOptOutHolds() throws Exception {
        LocalDate monday = fixture.quietMonday();
        clock.set(monday);
        Account admin = api.account(Role.ADMIN, null);
        Account fitko = api.account(Role.FITKO, null);
        long due = fixture.finalReportDueIn(fitko, StateCode.HB, monday, 10);
        long overdue = fixture.finalReportDueIn(fitko, StateCode.HB, monday, -5);
        // the addresses come after the approvals, whose mails (APPLICATION_DECIDED) are not the timers' to count
        Account everything = fixture.withAddress(admin, api.account(Role.STATE, StateCode.HB), "en");
        Account overdueOnly = fixture.withAddress(admin, api.account(Role.STATE, StateCode.HB), "de");
        assertEquals(200, api.put(overdueOnly, "/api/me/notifications",
                Map.of("optOuts", List.of("OBLIGATION_DUE", "WEEKLY_DIGEST"), "currentPassword", TestApi.PASSWORD), Map.of()).status());

        timer.run();
        timer.run();
        List<MimeMessage> toEverything = delivered(everything, 3);
        List<MimeMessage> toOverdueOnly = delivered(overdueOnly, 1);

        assertEquals(List.of("OBLIGATION_DUE", "OBLIGATION_OVERDUE", "WEEKLY_DIGEST"),
                fixture.sent(everything).stream().map(Sent::kind).sorted().toList());
        assertEquals(1, toEverything.stream().filter(m -> subject(m).startsWith("Report due on ")).count());
        assertEquals(1, toEverything.stream().filter(m -> subject(m).startsWith("Report overdue since ")).count());
        assertEquals(1, toEverything.stream().filter(m -> subject(m).startsWith("Your weekly summary")).count());
        MimeMessage reminder = toEverything.stream().filter(m -> subject(m).startsWith("Report due on ")).findFirst()
                .orElseThrow();
        assertTrue(text(reminder).contains("/ui/applications/" + due + "/obligations/"), text(reminder));

        assertEquals(1, toOverdueOnly.size(), "opted out of reports due and of the digest");
        MimeMessage late = toOverdueOnly.get(0);
        assertTrue(subject(late).startsWith("Nachweis überfällig seit "), subject(late));
        assertTrue(text(late).contains("/ui/applications/" + overdue + "/obligations/"), text(late));
        assertEquals(List.of(late.getMessageID()), fixture.sent(overdueOnly).stream().map(Sent::messageId).toList(),
                "sent with the Message-ID written into the outbox");
        fixture.handIn(fitko);
    }

    /** Waits until the outbox has sent {@code count} messages to the account; answers what arrived for it. */
    private List<MimeMessage> delivered(Account account, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (fixture.sent(account).stream().filter(row -> row.status().equals("SENT")).count() < count) {
            assertTrue(Instant.now().isBefore(deadline), "not sent in time: " + fixture.sent(account));
            Thread.sleep(100);
        }
        List<MimeMessage> arrived = mail.received().stream().filter(message -> to(message, account)).toList();
        assertEquals(count, arrived.size(), "each once");
        return arrived;
    }

    private static boolean to(MimeMessage message, Account account) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> ((InternetAddress) address).getAddress().equals(TimerFixture.address(account)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, decoded. */
    private static String text(MimeMessage message) {
        try {
            return plainText(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Object content) throws IOException, MessagingException {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    text.append(plainText(part.getContent()));
                }
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
