package de.foerderregister.notification;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each change's mails from the API call to the inbox of a real SMTP server (GreenMail): to the
 * right addresses, in German for a German user and in English for an English one, and to nobody
 * else among this test's accounts.
 */
@MicronautTest(transactional = false)
class ChangeMailDeliveryTest {

    /** The relay registry first sends what earlier runs left waiting in the shared database. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static MailServer server;
    private static ApplicationContext relay;

    @Inject
    TestApi api;
    @Inject
    Mailboxes mail;

    @BeforeAll
    static void startMailServer() {
        server = MailServer.start();
    }

    @AfterAll
    static void stop() {
        if (relay != null) {
            relay.close();
        }
        server.close();
    }

    @AfterEach
    void retireAccounts() {
        mail.retire();
    }

    @BeforeEach
    void startRelay() {
        if (relay == null) {
            relay = mail.delivering(server);
        }
    }

    @Test
    void aSubmissionReachesFitkoAndItsApprovalTheState() throws Exception {
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        Account englishFitko = mail.withAddress(Role.FITKO, null, "en");
        Account applicant = mail.withAddress(Role.STATE, StateCode.HH, "de");
        Account colleague = mail.withAddress(Role.STATE, StateCode.HH, "en");
        Account otherState = mail.withAddress(Role.STATE, StateCode.BE, "de");
        long id = api.submitted(applicant, StateCode.HH);
        decide(fitko, id, "APPROVED", "999999.99");
        JsonNode application = api.get(fitko, "/api/applications/" + id).json();
        String reference = application.get("reference").asText();
        String title = application.get("title").asText();

        awaitMails(List.of(fitko, englishFitko, applicant, colleague), 4);
        MimeMessage submitted = single(fitko);
        assertEquals("Antrag eingereicht: " + reference + " „" + title + "“", submitted.getSubject());
        assertContains(text(submitted), "der Antrag " + reference + " „" + title + "“ ist im Förderregister eingereicht worden.");
        MimeMessage submittedEn = single(englishFitko);
        assertEquals("Application submitted: " + reference + " “" + title + "”", submittedEn.getSubject());
        assertContains(text(submittedEn), "has been submitted in the Funding Register", "- State: Hamburg");

        MimeMessage approved = single(applicant);
        assertEquals("Entscheidung zu " + reference + " „" + title + "“: genehmigt", approved.getSubject());
        assertContains(text(approved), "Genehmigt sind 999.999,99 €.", "/ui/applications/" + id + "\n");
        MimeMessage approvedEn = single(colleague);
        assertEquals("Decision on " + reference + " “" + title + "”: approved", approvedEn.getSubject());
        assertContains(text(approvedEn), "The approved amount is 999.999,99 €.", "/ui/applications/" + id + "?lang=en\n");
        assertContains(html(approvedEn), "The approved amount is 999.999,99 €.");
        assertEquals(List.of(), inbox(otherState));
    }

    @Test
    void aMeetingBatchReachesEachStateWithItsOwnDecision() throws Exception {
        Account north = mail.withAddress(Role.STATE, StateCode.HB, "de");
        Account east = mail.withAddress(Role.STATE, StateCode.BB, "en");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        long approved = api.submitted(north, StateCode.HB);
        long returned = api.submitted(east, StateCode.BB);
        Response decided = api.post(fitko, "/api/decisions", api.batch(List.of(
                Map.of("applicationId", approved, "outcome", "APPROVED", "approvedAmount", "12345.67"),
                Map.of("applicationId", returned, "outcome", "RETURNED", "note", "Zeitplan fehlt"))));
        assertEquals(201, decided.status(), decided.body());

        awaitMails(List.of(north, east), 2);
        MimeMessage approval = single(north);
        assertTrue(approval.getSubject().endsWith("“: genehmigt"), approval.getSubject());
        assertContains(text(approval), "Genehmigt sind 12.345,67 €.", "Abteilungsleiterrunde, 19.01.2021, TOP 08",
                "/ui/applications/" + approved + "\n");
        MimeMessage returning = single(east);
        assertTrue(returning.getSubject().endsWith("”: returned for revision"), returning.getSubject());
        assertContains(text(returning), "has been returned to you for revision", "Reason: Zeitplan fehlt",
                "/ui/applications/" + returned + "?lang=en\n");
    }

    @Test
    void aProposedAmendmentReachesTheOtherFitkoUsersWithTheLinkToConfirmIt() throws Exception {
        Account applicant = mail.withAddress(Role.STATE, StateCode.SN, "de");
        Account proposer = mail.withAddress(Role.FITKO, null, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        Account englishFitko = mail.withAddress(Role.FITKO, null, "en");
        long id = api.submitted(applicant, StateCode.SN);
        decide(proposer, id, "APPROVED", "200000.00");
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("newApprovedAmount", "400000.00");
        amendment.put("reason", "Zweite Ausbaustufe");
        amendment.put("body", "IT-Planungsrat");
        amendment.put("meetingDate", "2021-06-01");
        amendment.put("agendaItem", "TOP 2");
        Response proposed = api.post(proposer, "/api/applications/" + id + "/amendments", amendment);
        assertEquals(201, proposed.status(), proposed.body());

        // each FITKO user: the submission, then (but the proposer) the amendment
        awaitMails(List.of(proposer, fitko, englishFitko, applicant), 6);
        assertEquals(1, inbox(proposer).size(), "the proposer hears of the submission only");
        MimeMessage german = titled(fitko, "Änderung wartet auf Bestätigung: ");
        assertContains(text(german), proposer.username() + " schlägt vor", "von 200.000,00 € auf 400.000,00 €",
                "Vier-Augen-Prinzip", "/ui/applications/" + id + "#amendments-title\n");
        MimeMessage english = titled(englishFitko, "Amendment awaiting confirmation: ");
        assertContains(text(english), "from 200.000,00 € to 400.000,00 €", "four-eyes principle",
                "/ui/applications/" + id + "?lang=en#amendments-title\n");
        assertEquals(1, inbox(applicant).size(), "the state hears of the approval only");
    }

    @Test
    void paymentsReachTheStateReleasedPaidAndRejected() throws Exception {
        Account applicant = mail.withAddress(Role.STATE, StateCode.BY, "de");
        Account colleague = mail.withAddress(Role.STATE, StateCode.BY, "en");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        Account finance = mail.withAddress(Role.FINANCE, null, "de");
        long id = api.submitted(applicant, StateCode.BY);
        decide(fitko, id, "APPROVED", "1011500.00");
        String payments = "/api/applications/" + id + "/payments";
        long paid = requested(applicant, payments, "300000.00", 2021);
        assertEquals(200, api.post(fitko, payments + "/" + paid + "/release", null).status());
        String booking = api.unique("HKR");
        assertEquals(200, api.post(finance, payments + "/" + paid + "/paid",
                Map.of("paidOn", "2021-04-01", "bookingReference", booking)).status());
        long rejected = requested(applicant, payments, "5.50", 2022);
        assertEquals(200, api.post(fitko, payments + "/" + rejected + "/reject", Map.of("reason", "Doppelt angefordert")).status());

        // each: the approval, the release, the payment, the rejection
        awaitMails(List.of(applicant, colleague, fitko, finance), 9);
        assertEquals(4, inbox(applicant).size());
        assertContains(text(titled(applicant, "Auszahlung freigegeben: ")),
                "die FITKO hat die Zahlung von 300.000,00 € für das Jahr 2021");
        assertContains(text(titled(applicant, "Auszahlung gebucht: ")),
                "ist am 01.04.2021 ausgezahlt worden, Buchungszeichen " + booking + ".");
        assertContains(text(titled(applicant, "Mittelabruf abgelehnt: ")),
                "den Abruf von 5,50 € für das Jahr 2022", "Begründung: Doppelt angefordert");
        assertEquals(4, inbox(colleague).size());
        assertContains(text(titled(colleague, "Payment released: ")),
                "FITKO has released the payment of 300.000,00 € for the year 2021");
        assertContains(text(titled(colleague, "Payment made: ")),
                "was paid out on 01.04.2021, booking reference " + booking + ".");
        assertContains(text(titled(colleague, "Payment request rejected: ")),
                "has rejected the request for 5,50 € for the year 2022", "Reason: Doppelt angefordert");
        assertEquals(1, inbox(fitko).size(), "FITKO hears of the submission only");
        assertEquals(List.of(), inbox(finance));
    }

    private void decide(Account fitko, long id, String outcome, String amount) {
        Response decided = api.post(fitko, "/api/applications/" + id + "/decision", api.decision(outcome, amount));
        assertEquals(200, decided.status(), decided.body());
    }

    private long requested(Account account, String payments, String amount, int year) {
        Response requested = api.post(account, payments, Map.of("amount", amount, "year", year, "purpose", "Lizenzen"));
        assertEquals(201, requested.status(), requested.body());
        return requested.json().get("id").asLong();
    }

    /**
     * Waits until the accounts together have {@code count} mails, then a little longer: a mail that
     * should not have been written would come with the same round of the worker.
     */
    private static void awaitMails(List<Account> accounts, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (accounts.stream().mapToInt(account -> inbox(account).size()).sum() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited in vain for " + count + " mails to " + accounts.stream().map(Account::username).toList());
            }
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertEquals(count, accounts.stream().mapToInt(account -> inbox(account).size()).sum(), "no more, no fewer");
    }

    /** The mails the server received for the account, in the order they arrived. */
    private static List<MimeMessage> inbox(Account account) {
        String address = Mailboxes.address(account);
        return server.received().stream().filter(message -> recipients(message).contains(address)).toList();
    }

    private static MimeMessage single(Account account) {
        List<MimeMessage> received = inbox(account);
        assertEquals(1, received.size(), account.username());
        return received.get(0);
    }

    /** The one mail to the account whose subject starts so. */
    private static MimeMessage titled(Account account, String subjectStart) throws MessagingException {
        List<MimeMessage> titled = new ArrayList<>();
        for (MimeMessage message : inbox(account)) {
            if (message.getSubject().startsWith(subjectStart)) {
                titled.add(message);
            }
        }
        assertEquals(1, titled.size(), account.username() + ": " + subjectStart);
        return titled.get(0);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part; mail travels with CRLF line ends. */
    private static String text(MimeMessage message) throws MessagingException, IOException {
        return part(message, 0);
    }

    private static String html(MimeMessage message) throws MessagingException, IOException {
        return part(message, 1);
    }

    private static String part(MimeMessage message, int index) throws MessagingException, IOException {
        return ((String) ((MimeMultipart) message.getContent()).getBodyPart(index).getContent()).replace("\r\n", "\n");
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "«" + part + "» not in:\n" + text);
        }
    }
}
