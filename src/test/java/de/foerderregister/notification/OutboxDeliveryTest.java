package de.foerderregister.notification;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Response;
import de.foerderregister.notification.Letter.Phrase;
import de.foerderregister.security.Role;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The outbox from the committed row to the inbox of a real SMTP server. This test's own registry
 * has no relay (like every other test's): messages written here wait, and the registries started
 * here with the relay, on the same database, send them. Only mails to this test's own addresses are
 * looked at: the database is shared and other tests' messages go out too.
 */
@MicronautTest(transactional = false)
class OutboxDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static MailServer mail;

    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository messages;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    DatasourceConfiguration datasource;
    @Inject
    TestApi api;
    @Inject
    ApplicationContext context;

    @BeforeAll
    static void startMailServer() {
        mail = MailServer.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @Test
    void aWrittenMessageArrivesOnceAsWrittenAndIsMarkedSent() throws Exception {
        long subject = uniqueApplicationId();
        List<String> to = write(subject, 1, Locale.ENGLISH);
        OutboxMessage row = messages.findByApplicationIdOrderById(subject).get(0);

        try (ApplicationContext registry = registryWithRelay(Map.of())) {
            OutboxMessage sent = awaitRow(subject, 0, m -> m.status() == OutboxStatus.SENT);
            assertNotNull(sent.sentAt());
            assertEquals(null, sent.claimedBy());
            assertEquals(0, sent.attempts());
            MimeMessage received = awaitMails(to, 1).get(0);
            assertEquals(row.messageId(), received.getMessageID());
            assertEquals("foerderregister@localhost", received.getFrom()[0].toString());
            assertEquals(to.get(0), received.getAllRecipients()[0].toString());
            assertEquals(row.subject(), received.getSubject());
            assertEquals("auto-generated", received.getHeader("Auto-Submitted", null));
            assertEquals("en", received.getHeader("Content-Language", null));
            assertNotNull(received.getSentDate());
            assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
            MimeMultipart parts = (MimeMultipart) received.getContent();
            assertEquals(2, parts.getCount());
            assertTrue(parts.getBodyPart(0).getContentType().toLowerCase(Locale.ROOT).startsWith("text/plain; charset=utf-8"),
                    parts.getBodyPart(0).getContentType());
            assertTrue(parts.getBodyPart(1).getContentType().toLowerCase(Locale.ROOT).startsWith("text/html; charset=utf-8"),
                    parts.getBodyPart(1).getContentType());
            assertEquals(row.textBody(), normalised(parts.getBodyPart(0).getContent()));
            assertEquals(row.htmlBody(), normalised(parts.getBodyPart(1).getContent()));

            Thread.sleep(500);
            assertEquals(1, mailsTo(to).size(), "sent once, not on every round");
        }
    }

    @Test
    void whileTheRelayIsDownAttemptsBackOffAndAfterwardsEveryMessageArrivesOnce() throws Exception {
        long subject = uniqueApplicationId();
        mail.down();
        boolean up = false;
        try (ApplicationContext registry = registryWithRelay(Map.of())) {
            List<String> to = write(subject, 3, Locale.GERMAN);
            OutboxMessage first = awaitRow(subject, 0, m -> m.attempts() == 1);
            assertEquals(OutboxStatus.PENDING, first.status());
            assertNotNull(first.lastError());
            assertTrue(first.lastError().startsWith("RelayUnreachable"), first.lastError());
            OutboxMessage second = awaitRow(subject, 0, m -> m.attempts() == 2);
            // backoff 200 ms after the first failure, 400 ms after the second
            assertTrue(Duration.between(first.nextAttemptAt(), second.nextAttemptAt()).compareTo(Duration.ofMillis(400)) >= 0,
                    first.nextAttemptAt() + " then " + second.nextAttemptAt());
            assertEquals(null, second.claimedBy(), "a failed attempt gives up its claim");

            mail.up();
            up = true;
            awaitMails(to, 3);
            for (int i = 0; i < 3; i++) {
                awaitRow(subject, i, m -> m.status() == OutboxStatus.SENT);
            }
            Thread.sleep(500);
            assertEachOnce(to);
        } finally {
            if (!up) {
                mail.up();
            }
        }
    }

    @Test
    void messagesCommittedWhileNoInstanceSendsAreSentByTheNextOneThatDoes() throws Exception {
        assertFalse(context.containsBean(OutboxWorker.class), "no relay set: no worker");
        long subject = uniqueApplicationId();
        List<String> to = write(subject, 5, Locale.GERMAN);
        Thread.sleep(500);
        for (OutboxMessage waiting : messages.findByApplicationIdOrderById(subject)) {
            assertEquals(OutboxStatus.PENDING, waiting.status(), "this registry has no relay and sends nothing");
            assertEquals(0, waiting.attempts());
        }
        assertEquals(List.of(), mailsTo(to));

        try (ApplicationContext registry = registryWithRelay(Map.of())) {
            awaitMails(to, 5);
            Thread.sleep(500);
            assertEachOnce(to);
        }
    }

    /**
     * An instance dies after the relay took a message and before it marked it: the message is sent again
     * when the lease has run out, with the same Message-ID — the one duplicate such a crash can cause.
     */
    @Test
    void aCrashAfterSendingBeforeMarkingSendsOneDuplicateWithTheSameMessageId() throws Exception {
        long subject = uniqueApplicationId();
        List<String> to = write(subject, 1, Locale.GERMAN);
        OutboxMessage row = messages.findByApplicationIdOrderById(subject).get(0);

        // an instance that claims and sends as the worker does, and dies before marking
        try (ApplicationContext dying = registryWithRelay(Map.of("registry.notifications.enabled", false))) {
            assertFalse(dying.containsBean(OutboxWorker.class));
            OutboxClaims claims = dying.getBean(OutboxClaims.class);
            String token = UUID.randomUUID().toString();
            OutboxMessage claimed = null;
            for (int round = 0; claimed == null && round < 100; round++) {
                Instant now = Instant.now();
                claimed = claims.claim(token, now, now.plusSeconds(2), 50).stream()
                        .filter(m -> m.id().equals(row.id())).findFirst().orElse(null);
            }
            assertNotNull(claimed, "the message was claimed");
            try (MailRelay.Connection connection = dying.getBean(MailRelay.class).connection()) {
                connection.send(claimed);
            }
        }
        assertEquals(1, awaitMails(to, 1).size());
        OutboxMessage unmarked = messages.findByApplicationIdOrderById(subject).get(0);
        assertEquals(OutboxStatus.PENDING, unmarked.status());
        assertNotNull(unmarked.claimedBy(), "the claim is left behind by the dead instance");

        try (ApplicationContext survivor = registryWithRelay(Map.of())) {
            List<MimeMessage> both = awaitMails(to, 2);
            awaitRow(subject, 0, m -> m.status() == OutboxStatus.SENT);
            assertEquals(2, both.size());
            assertEquals(row.messageId(), both.get(0).getMessageID());
            assertEquals(row.messageId(), both.get(1).getMessageID(), "the duplicate is recognisably the same mail");
            Thread.sleep(500);
            assertEquals(2, mailsTo(to).size(), "one duplicate, not one per round");
        }
    }

    /**
     * Two instances share the outbox; one of them is shut down (a deployment) halfway. The lease is
     * longer than the test waits: the stopping instance must hand its unsent claims back, not leave
     * them to run out.
     */
    @Test
    void twoInstancesOnOneOutboxSendEveryMessageExactlyOnceAndAnOrderlyStopHandsItsClaimsBack() throws Exception {
        long subject = uniqueApplicationId();
        Map<String, Object> longLease = Map.of("registry.notifications.lease", "5m");
        ApplicationContext one = registryWithRelay(longLease);
        try (ApplicationContext two = registryWithRelay(longLease)) {
            List<String> to = write(subject, 100, Locale.GERMAN);
            awaitMails(to, 30);
            one.close();
            awaitMails(to, 100);
            await(() -> messages.findByApplicationIdOrderById(subject).stream().allMatch(m -> m.status() == OutboxStatus.SENT),
                    "all marked sent");
            Thread.sleep(500);
            assertEachOnce(to);
        } finally {
            if (one.isRunning()) {
                one.close();
            }
        }
    }

    @Test
    void anAddressThatIsNoneIsGivenUpAtOnce() throws Exception {
        long subject = uniqueApplicationId();
        String bad = "dlv " + UUID.randomUUID() + "@example.org";
        transactions.executeWrite(status -> {
            outbox.write(letter(subject), List.of(new Recipient("dlv", bad, Locale.GERMAN)), subject, null);
            return null;
        });
        try (ApplicationContext registry = registryWithRelay(Map.of())) {
            OutboxMessage failed = awaitRow(subject, 0, m -> m.status() == OutboxStatus.FAILED);
            assertEquals(1, failed.attempts(), "a refusal for good is not tried again");
            assertTrue(failed.lastError().contains("AddressException"), failed.lastError());
            assertEquals(null, failed.sentAt());
            assertEquals(null, failed.claimedBy());
            Thread.sleep(500);
            assertEquals(1, messages.findByApplicationIdOrderById(subject).get(0).attempts());
        }
    }

    @Test
    void aRecipientTheRelayRefusesForGoodIsGivenUpAndOneItRefusesForNowIsTriedAgain() throws Exception {
        long subject = uniqueApplicationId();
        List<String> to = write(subject, 2, Locale.GERMAN);
        try (RefusingRelay relay = new RefusingRelay(Map.of(to.get(0), "550 5.1.1 no such user",
                to.get(1), "450 4.2.1 mailbox busy"));
             ApplicationContext registry = registryWithRelay(Map.of("registry.notifications.smtp.port", relay.port()))) {
            OutboxMessage refused = awaitRow(subject, 0, m -> m.status() == OutboxStatus.FAILED);
            assertEquals(1, refused.attempts(), "a 5xx for the recipient is not tried again");
            assertTrue(refused.lastError().contains("550 5.1.1 no such user"), refused.lastError());
            OutboxMessage busy = awaitRow(subject, 1, m -> m.attempts() >= 2);
            assertEquals(OutboxStatus.PENDING, busy.status(), "a 4xx is tried again: " + busy.lastError());
            assertTrue(busy.lastError().contains("450 4.2.1 mailbox busy"), busy.lastError());
            assertEquals(1, messages.findByApplicationIdOrderById(subject).get(0).attempts());
        }
    }

    /** GreenMail knows no such account: the login is refused, the messages wait, and the password is nowhere to read. */
    @Test
    void aRefusedLoginKeepsMessagesWaitingAndThePasswordShowsNowhere() throws Exception {
        long subject = uniqueApplicationId();
        List<String> to = write(subject, 1, Locale.GERMAN);
        String password = "pw-" + UUID.randomUUID();
        try (ApplicationContext registry = registryWithRelay(Map.of("registry.notifications.smtp.username", "dlv-relay",
                "registry.notifications.smtp.password", password))) {
            OutboxMessage waiting = awaitRow(subject, 0, m -> m.attempts() >= 2);
            assertEquals(OutboxStatus.PENDING, waiting.status(), "a refused login is the relay's setting, not the message's");
            assertTrue(waiting.lastError().contains("535"), "the relay asked for the login and refused it: " + waiting.lastError());
            assertFalse(waiting.lastError().contains(password), waiting.lastError());
            Map<String, Object> health = registry.getBean(NotificationsHealth.class).getHealthInformation();
            assertEquals(true, health.get("relayConfigured"));
            assertFalse(health.toString().contains(password), health.toString());
            assertEquals(List.of(), mailsTo(to));
        }
    }

    /** STARTTLS is required, not hoped for: a relay that does not offer it (GreenMail's plain SMTP) gets no mail. */
    @Test
    void aRelayWithoutStartTlsGetsNoMailWhenStartTlsIsRequired() throws Exception {
        long subject = uniqueApplicationId();
        List<String> to = write(subject, 1, Locale.GERMAN);
        try (ApplicationContext registry = registryWithRelay(Map.of("registry.notifications.smtp.tls", "STARTTLS"))) {
            OutboxMessage waiting = awaitRow(subject, 0, m -> m.attempts() >= 1);
            assertEquals(OutboxStatus.PENDING, waiting.status());
            assertTrue(waiting.lastError().contains("STARTTLS"), waiting.lastError());
            assertEquals(List.of(), mailsTo(to));
        }
    }

    @Test
    void aMessageIsGivenUpAfterMaxAttempts() throws Exception {
        long subject = uniqueApplicationId();
        mail.down();
        boolean up = false;
        try (ApplicationContext registry = registryWithRelay(Map.of("registry.notifications.max-attempts", 3))) {
            List<String> to = write(subject, 1, Locale.GERMAN);
            OutboxMessage failed = awaitRow(subject, 0, m -> m.status() == OutboxStatus.FAILED);
            assertEquals(3, failed.attempts());
            assertNotNull(failed.lastError());
            mail.up();
            up = true;
            Thread.sleep(1500);
            assertEquals(List.of(), mailsTo(to), "a given-up message stays given up");
            assertEquals(3, messages.findByApplicationIdOrderById(subject).get(0).attempts());
        } finally {
            if (!up) {
                mail.up();
            }
        }
    }

    @Test
    void healthAndMetricsShowTheBacklogAndItsAgeToOperatorsOnly() throws Exception {
        long subject = uniqueApplicationId();
        write(subject, 2, Locale.GERMAN);
        Thread.sleep(1100);

        Response health = api.get(api.account(Role.ADMIN, null), "/health");
        assertEquals(200, health.status(), health.body());
        JsonNode notifications = health.json().get("details").get("notifications");
        assertEquals("UP", notifications.get("status").asText(), health.body());
        JsonNode details = notifications.get("details");
        assertTrue(details.get("backlog").asLong() >= 2, health.body());
        assertTrue(details.get("oldestUnsentAgeSeconds").asLong() >= 1, health.body());
        assertTrue(details.has("failed"), health.body());
        assertFalse(details.get("relayConfigured").asBoolean(), "this registry has no relay");
        Response anonymous = api.send("GET", "/health", null, null, Map.of());
        assertFalse(anonymous.body().contains("backlog"), anonymous.body());

        Response metrics = api.send("GET", "/prometheus", "test-scrape-token-not-for-production", null, Map.of());
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metric(metrics.body(), "registry_notifications_backlog") >= 2, metrics.body());
        assertTrue(metric(metrics.body(), "registry_notifications_oldest_unsent_age_seconds") >= 1, metrics.body());
        for (String counter : List.of("sent", "retried", "failed")) {
            assertTrue(metrics.body().contains("registry_notifications_" + counter + "_total"), counter);
        }
    }

    /** A registry on this test's database that sends through the test mail server, briskly. */
    private ApplicationContext registryWithRelay(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(mail.properties());
        properties.put("datasources.default.url", datasource.getJdbcUrl());
        properties.put("datasources.default.username", datasource.getUsername());
        properties.put("datasources.default.password", datasource.getPassword() == null ? "" : datasource.getPassword());
        properties.put("registry.demo-data.enabled", false);
        properties.put("registry.notifications.poll-interval", "100ms");
        properties.put("registry.notifications.batch-size", 10);
        properties.put("registry.notifications.backoff", "200ms");
        properties.put("registry.notifications.max-backoff", "1s");
        properties.put("registry.notifications.lease", "10s");
        properties.put("registry.notifications.smtp.connect-timeout", "2s");
        properties.put("registry.notifications.smtp.read-timeout", "2s");
        properties.putAll(settings);
        return ApplicationContext.run(properties, "test");
    }

    /** Writes one letter to {@code count} new addresses of this test, in one transaction; answers the addresses. */
    private List<String> write(long subject, int count, Locale language) {
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "dlv-" + UUID.randomUUID();
            recipients.add(new Recipient(name, name + "@example.org", language));
        }
        transactions.executeWrite(status -> {
            outbox.write(letter(subject), recipients, subject, null);
            return null;
        });
        return recipients.stream().map(Recipient::address).toList();
    }

    private static Letter letter(long subject) {
        return new Letter(NotificationKind.PAYMENT_PAID, Phrase.of("mail.link"), List.of(Phrase.of("mail.footer")),
                List.of(), "/ui/applications/" + subject);
    }

    private OutboxMessage awaitRow(long subject, int index, java.util.function.Predicate<OutboxMessage> condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            OutboxMessage row = messages.findByApplicationIdOrderById(subject).get(index);
            if (condition.test(row)) {
                return row;
            }
            pause();
        }
        return fail("the outbox row never got there: " + messages.findByApplicationIdOrderById(subject).get(index));
    }

    private List<MimeMessage> awaitMails(List<String> to, int count) {
        await(() -> mailsTo(to).size() >= count, count + " mails to " + to.size() + " addresses");
        return mailsTo(to);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited in vain for " + what);
            }
            pause();
        }
    }

    private static List<MimeMessage> mailsTo(List<String> addresses) {
        Set<String> ours = Set.copyOf(addresses);
        return mail.received().stream().filter(m -> recipients(m).stream().anyMatch(ours::contains)).toList();
    }

    private static void assertEachOnce(List<String> to) {
        Map<String, Long> perAddress = mailsTo(to).stream()
                .collect(Collectors.groupingBy(m -> recipients(m).get(0), Collectors.counting()));
        assertEquals(to.size(), perAddress.size(), "every address got its mail");
        assertEquals(Set.of(1L), Set.copyOf(perAddress.values()), "exactly once: " + perAddress);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mail travels with CRLF line ends; the row was written with LF. */
    private static String normalised(Object content) {
        return ((String) content).replace("\r\n", "\n");
    }

    private static double metric(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseGet(() -> fail(name + " is not in /prometheus"));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** No application has this id: the outbox names the application without a foreign key. */
    private static long uniqueApplicationId() {
        return 1_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
    }
}
