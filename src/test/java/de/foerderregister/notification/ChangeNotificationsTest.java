package de.foerderregister.notification;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserUpdateCommand;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which audited change writes which mails to whom, read from the outbox the change committed:
 * the recipients (the state's users for a state's news, FITKO for FITKO's, never the actor, never
 * an account without an address), each in their language, with the facts of the change.
 */
@MicronautTest(transactional = false)
class ChangeNotificationsTest {

    private static final String NOTE = "Notwendigkeit für Projekt folgt aus Patienten-Daten-Schutz-Gesetz";
    private static final String PAGE = "http://localhost:8080/ui/applications/";

    @Inject
    TestApi api;
    @Inject
    Mailboxes mail;

    @AfterEach
    void retireAccounts() {
        mail.retire();
    }

    @Test
    void aSubmissionTellsFitkoButNeitherTheSubmitterNorTheStates() {
        Account submitter = mail.withAddress(Role.FITKO, null, "de");
        Account german = mail.withAddress(Role.FITKO, null, "de");
        Account english = mail.withAddress(Role.FITKO, null, "en");
        Account silent = mail.withoutAddress(Role.FITKO, null);
        Account state = mail.withAddress(Role.STATE, StateCode.HE, "de");

        long id = api.submitted(submitter, StateCode.HE);
        JsonNode application = application(german, id);
        String reference = application.get("reference").asText();
        String title = application.get("title").asText();

        OutboxMessage de = mail.only(german, id);
        assertEquals(NotificationKind.APPLICATION_SUBMITTED, de.kind());
        assertEquals(Mailboxes.address(german), de.recipientAddress());
        assertEquals("de", de.language());
        assertEquals("Antrag eingereicht: " + reference + " „" + title + "“", de.subject());
        assertContains(de.textBody(), "Guten Tag,\n\nder Antrag " + reference + " „" + title
                + "“ ist im Förderregister eingereicht worden.\n\nEr wartet nun auf die Entscheidung des zuständigen Gremiums.",
                "- Land: Hessen\n", "- Beantragtes Volumen: 1.011.500,00 €\n",
                "- Eingereicht von: " + submitter.username() + "\n", PAGE + id + "\n");
        assertContains(de.htmlBody(), "<li>Land: Hessen</li>", "href=\"" + PAGE + id + "\"");

        OutboxMessage en = mail.only(english, id);
        assertEquals("en", en.language());
        assertEquals("Application submitted: " + reference + " “" + title + "”", en.subject());
        assertContains(en.textBody(), "Hello,\n\nApplication " + reference + " “" + title
                + "” has been submitted in the Funding Register.", "- State: Hesse\n",
                "- Volume requested: 1.011.500,00 €\n", PAGE + id + "?lang=en\n");

        for (Account nobody : List.of(submitter, silent, state)) {
            assertEquals(List.of(), mail.to(nobody, id), nobody.username());
        }
        assertOnly(id, NotificationKind.APPLICATION_SUBMITTED, "FITKO");
    }

    @Test
    void anApprovalTellsTheStateTheAmountTheBodyAndTheConditions() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.NW, "de");
        Account colleague = mail.withAddress(Role.STATE, StateCode.NW, "en");
        Account silent = mail.withoutAddress(Role.STATE, StateCode.NW);
        Account otherState = mail.withAddress(Role.STATE, StateCode.BY, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        long id = api.submitted(applicant, StateCode.NW);

        decide(fitko, id, "APPROVED", "1011499.99");

        JsonNode application = application(applicant, id);
        String reference = application.get("reference").asText();
        String title = application.get("title").asText();
        OutboxMessage de = mail.only(applicant, id);
        assertEquals(NotificationKind.APPLICATION_DECIDED, de.kind());
        assertEquals("Entscheidung zu " + reference + " „" + title + "“: genehmigt", de.subject());
        assertContains(de.textBody(), "der Antrag " + reference + " „" + title
                        + "“ ist genehmigt worden. Genehmigt sind 1.011.499,99 €.",
                "Auflagen und Hinweise: " + NOTE, "- Gremium und Sitzung: Abteilungsleiterrunde, 19.01.2021, TOP 08\n",
                "- Art der Entscheidung: Beschluss\n", "- Beantragtes Volumen: 1.011.500,00 €\n",
                "- Genehmigter Betrag: 1.011.499,99 €\n", PAGE + id + "\n");
        assertContains(de.htmlBody(), "Genehmigt sind 1.011.499,99 €.", "<li>Genehmigter Betrag: 1.011.499,99 €</li>");

        OutboxMessage en = mail.only(colleague, id);
        assertEquals("Decision on " + reference + " “" + title + "”: approved", en.subject());
        assertContains(en.textBody(), "Application " + reference + " “" + title
                        + "” has been approved. The approved amount is 1.011.499,99 €.",
                "Conditions and remarks: " + NOTE, "- Body and meeting: Abteilungsleiterrunde, 19.01.2021, TOP 08\n",
                "- Kind of decision: Resolution\n", "- Amount approved: 1.011.499,99 €\n", PAGE + id + "?lang=en\n");

        for (Account nobody : List.of(silent, otherState)) {
            assertEquals(List.of(), mail.to(nobody, id), nobody.username());
        }
        assertEquals(List.of(NotificationKind.APPLICATION_SUBMITTED), kinds(fitko, id), "FITKO hears of the submission only");
        assertOnly(id, NotificationKind.APPLICATION_DECIDED, "STATE NW");
    }

    /**
     * A mail waits in the outbox until the relay takes it, hours when it is down. A user moved to
     * another state, disabled, given another address or opted out of the kind meanwhile must not
     * receive it: it tells of a state that is no longer theirs, or goes to a mailbox that may not be.
     */
    @Test
    void aMailNotSentYetIsTakenBackWhenItsRecipientNoLongerReceivesIt() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.NI, "de");
        Account moved = mail.withAddress(Role.STATE, StateCode.NI, "de");
        Account disabled = mail.withAddress(Role.STATE, StateCode.NI, "de");
        Account readdressed = mail.withAddress(Role.STATE, StateCode.NI, "de");
        Account optedOut = mail.withAddress(Role.STATE, StateCode.NI, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        long id = api.submitted(applicant, StateCode.NI);
        decide(fitko, id, "APPROVED", "1000.00");
        for (Account told : List.of(applicant, moved, disabled, readdressed, optedOut)) {
            assertEquals(List.of(NotificationKind.APPLICATION_DECIDED), kinds(told, id), told.username());
        }

        mail.change(moved, new UserUpdateCommand(null, null, StateCode.BE, null, null));
        mail.change(disabled, new UserUpdateCommand(false, null, null, null, null));
        mail.change(readdressed, new UserUpdateCommand(null, null, null, "other-" + Mailboxes.address(readdressed), null));
        mail.optOut(optedOut, NotificationKind.APPLICATION_DECIDED);

        for (Account gone : List.of(moved, disabled, readdressed, optedOut)) {
            assertEquals(List.of(), kinds(gone, id), gone.username());
        }
        assertEquals(List.of(NotificationKind.APPLICATION_DECIDED), kinds(applicant, id), "the others' mails stay");
    }

    @Test
    void aRejectionGivesItsReasonAndAReturnAsksForARevisionThatFitkoHearsOfAgain() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.SN, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        Account otherFitko = mail.withAddress(Role.FITKO, null, "de");

        long rejected = api.submitted(applicant, StateCode.SN);
        decide(fitko, rejected, "REJECTED", null);
        OutboxMessage rejection = mail.only(applicant, rejected);
        assertTrue(rejection.subject().endsWith("“: abgelehnt"), rejection.subject());
        assertContains(rejection.textBody(), "“ ist abgelehnt worden.\n\nBegründung: " + NOTE + "\n");
        assertFalse(rejection.textBody().contains("Genehmigt"), rejection.textBody());

        long returned = api.submitted(applicant, StateCode.SN);
        decide(fitko, returned, "RETURNED", null);
        OutboxMessage returning = mail.only(applicant, returned);
        assertTrue(returning.subject().endsWith("“: zur Überarbeitung zurückgegeben"), returning.subject());
        assertContains(returning.textBody(), "“ ist Ihnen zur Überarbeitung zurückgegeben worden. Bitte überarbeiten Sie ihn"
                + " im Förderregister und reichen Sie ihn erneut ein.", "Begründung: " + NOTE);

        Response again = api.post(applicant, "/api/applications/" + returned + "/submit", null);
        assertEquals(200, again.status(), again.body());
        List<OutboxMessage> toFitko = mail.to(otherFitko, returned);
        assertEquals(2, toFitko.size(), "the first submission and the second");
        assertContains(toFitko.get(0).textBody(), "“ ist im Förderregister eingereicht worden.");
        assertContains(toFitko.get(1).textBody(), "“ ist nach seiner Überarbeitung erneut eingereicht worden.");
        assertEquals(1, mail.to(applicant, returned).size(), "the applicant resubmitted: no mail of it to them");
    }

    @Test
    void aMeetingBatchTellsEachStateOfItsOwnApplicationOnly() {
        Account north = mail.withAddress(Role.STATE, StateCode.SH, "de");
        Account south = mail.withAddress(Role.STATE, StateCode.BW, "en");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        long approved = api.submitted(north, StateCode.SH);
        long rejected = api.submitted(south, StateCode.BW);

        Response decided = api.post(fitko, "/api/decisions", api.batch(List.of(
                Map.of("applicationId", approved, "outcome", "APPROVED", "approvedAmount", "500000.50"),
                Map.of("applicationId", rejected, "outcome", "REJECTED", "note", "Keine Mittel mehr im Jahr 2021"))));
        assertEquals(201, decided.status(), decided.body());

        OutboxMessage approval = mail.only(north, approved);
        assertContains(approval.textBody(), "Genehmigt sind 500.000,50 €.",
                "- Gremium und Sitzung: Abteilungsleiterrunde, 19.01.2021, TOP 08\n");
        OutboxMessage rejection = mail.only(south, rejected);
        assertTrue(rejection.subject().endsWith("”: rejected"), rejection.subject());
        assertContains(rejection.textBody(), "” has been rejected.\n\nReason: Keine Mittel mehr im Jahr 2021\n",
                "- Body and meeting: Abteilungsleiterrunde, 19.01.2021, TOP 08\n");
        assertEquals(List.of(), mail.to(north, rejected));
        assertEquals(List.of(), mail.to(south, approved));
        assertOnly(approved, NotificationKind.APPLICATION_DECIDED, "STATE SH");
        assertOnly(rejected, NotificationKind.APPLICATION_DECIDED, "STATE BW");
    }

    @Test
    void aProposedAmendmentAsksTheOtherFitkoUsersToConfirmItOnTheApplicationsPage() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.ST, "de");
        Account proposer = mail.withAddress(Role.FITKO, null, "de");
        Account german = mail.withAddress(Role.FITKO, null, "de");
        Account english = mail.withAddress(Role.FITKO, null, "en");
        long id = api.submitted(applicant, StateCode.ST);
        decide(proposer, id, "APPROVED", "1011500.00");
        String reference = application(applicant, id).get("reference").asText();

        // +16 % VAT is more than the 10 % one FITKO user may decide alone
        Response proposed = amend(proposer, id, Map.of("vatRatePercent", "16"));
        assertEquals(201, proposed.status(), proposed.body());
        assertEquals("PROPOSED", proposed.json().get("amendment").get("state").asText());

        OutboxMessage de = one(german, id, NotificationKind.AMENDMENT_PROPOSED);
        assertTrue(de.subject().startsWith("Änderung wartet auf Bestätigung: " + reference + " „"), de.subject());
        assertContains(de.textBody(), proposer.username() + " schlägt vor, den genehmigten Betrag des Antrags " + reference,
                "von 1.011.500,00 € auf 1.173.340,00 € zu ändern.",
                "erst wirksam, wenn eine zweite Person der FITKO sie bestätigt (Vier-Augen-Prinzip)",
                "im Abschnitt „Änderungen der Genehmigung“", "- Netto: 1.011.500,00 €\n",
                "- Umsatzsteuer: 161.840,00 € (16 %)\n", "- Brutto, genehmigt nach Bestätigung: 1.173.340,00 €\n",
                "- Gremium und Sitzung: IT-Planungsrat, 15.03.2021, TOP 5\n",
                "- Begründung: Umfang des Projekts wird um Mehrwertsteuer erhöht\n",
                PAGE + id + "#amendments-title\n");
        OutboxMessage en = one(english, id, NotificationKind.AMENDMENT_PROPOSED);
        assertContains(en.textBody(), "proposes to change the approved amount", "(four-eyes principle)",
                "in the section “Amendments of the approval”", "- VAT: 161.840,00 € (16 %)\n",
                PAGE + id + "?lang=en#amendments-title\n");
        assertContains(en.htmlBody(), "href=\"" + PAGE + id + "?lang=en#amendments-title\"");
        Response page = api.get(english, "/ui/applications/" + id + "?lang=en");
        assertEquals(200, page.status(), "the link leads to the page");
        assertContains(page.body(), "id=\"amendments-title\"", "/amendments/" + proposed.json().get("amendment").get("id").asText()
                + "/confirm");

        assertEquals(List.of(NotificationKind.APPLICATION_SUBMITTED), kinds(proposer, id),
                "the proposer is not asked to confirm their own");
        assertEquals(List.of(NotificationKind.APPLICATION_DECIDED), kinds(applicant, id),
                "the state waits for the confirmation");
        assertOnly(id, NotificationKind.AMENDMENT_PROPOSED, "FITKO");

        // one that takes effect at once waits for nobody
        long small = api.submitted(applicant, StateCode.ST);
        decide(proposer, small, "APPROVED", "1011500.00");
        Response effective = amend(proposer, small, Map.of("newApprovedAmount", "1011600.00"));
        assertEquals("EFFECTIVE", effective.json().get("amendment").get("state").asText(), effective.body());
        assertEquals(List.of(NotificationKind.APPLICATION_SUBMITTED), kinds(german, small));
    }

    @Test
    void paymentsTellTheStateOfTheReleaseThePaymentAndTheRejection() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.RP, "de");
        Account colleague = mail.withAddress(Role.STATE, StateCode.RP, "en");
        Account otherState = mail.withAddress(Role.STATE, StateCode.SL, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        Account finance = mail.withAddress(Role.FINANCE, null, "de");
        Account optedOut = mail.withAddress(Role.STATE, StateCode.RP, "de");
        mail.optOut(optedOut, NotificationKind.PAYMENT_RELEASED);
        long id = api.submitted(applicant, StateCode.RP);
        decide(fitko, id, "APPROVED", "1011500.00");
        String reference = application(applicant, id).get("reference").asText();
        String payments = "/api/applications/" + id + "/payments/";

        long paid = requestPayment(applicant, id, "250000.01", 2021);
        assertEquals(200, api.post(fitko, payments + paid + "/release", null).status());
        String booking = api.unique("HKR-2021");
        Response booked = api.post(finance, payments + paid + "/paid", Map.of("paidOn", "2021-03-01", "bookingReference", booking));
        assertEquals(200, booked.status(), booked.body());
        long rejected = requestPayment(applicant, id, "1000.00", 2022);
        Response refused = api.post(fitko, payments + rejected + "/reject", Map.of("reason", "Verwendungsnachweis fehlt"));
        assertEquals(200, refused.status(), refused.body());

        OutboxMessage release = one(applicant, id, NotificationKind.PAYMENT_RELEASED);
        assertTrue(release.subject().startsWith("Auszahlung freigegeben: " + reference + " „"), release.subject());
        assertContains(release.textBody(), "die FITKO hat die Zahlung von 250.000,01 € für das Jahr 2021 zum Antrag "
                + reference, "Als Nächstes bucht die Finanzverwaltung die Auszahlung.",
                "- Zweck des Mittelabrufs: Mittelabruf für Entwicklungsleistungen\n", PAGE + id + "\n");
        OutboxMessage payment = one(applicant, id, NotificationKind.PAYMENT_PAID);
        assertTrue(payment.subject().startsWith("Auszahlung gebucht: " + reference + " „"), payment.subject());
        assertContains(payment.textBody(), "die Zahlung von 250.000,01 € für das Jahr 2021 zum Antrag " + reference,
                "ist am 01.03.2021 ausgezahlt worden, Buchungszeichen " + booking + ".");
        assertContains(one(colleague, id, NotificationKind.PAYMENT_PAID).textBody(),
                "The payment of 250.000,01 € for the year 2021 on application " + reference,
                "was paid out on 01.03.2021, booking reference " + booking + ".");
        OutboxMessage rejection = one(applicant, id, NotificationKind.PAYMENT_REJECTED);
        assertTrue(rejection.subject().startsWith("Mittelabruf abgelehnt: " + reference + " „"), rejection.subject());
        assertContains(rejection.textBody(), "den Abruf von 1.000,00 € für das Jahr 2022 zum Antrag " + reference,
                "Begründung: Verwendungsnachweis fehlt\n");
        assertContains(one(colleague, id, NotificationKind.PAYMENT_REJECTED).textBody(), "Reason: Verwendungsnachweis fehlt\n");
        assertEquals(List.of(NotificationKind.APPLICATION_DECIDED, NotificationKind.PAYMENT_PAID,
                NotificationKind.PAYMENT_REJECTED), kinds(optedOut, id), "no release: opted out of it");

        for (Account nobody : List.of(otherState, finance)) {
            assertEquals(List.of(), mail.to(nobody, id), nobody.username());
        }
        assertEquals(List.of(NotificationKind.APPLICATION_SUBMITTED), kinds(fitko, id));
        for (NotificationKind kind : List.of(NotificationKind.PAYMENT_RELEASED, NotificationKind.PAYMENT_PAID,
                NotificationKind.PAYMENT_REJECTED)) {
            assertOnly(id, kind, "STATE RP");
        }
    }

    @Test
    void aTitleWithLineBreaksAndMarkupStaysOneSubjectLineAndIsEscapedInHtml() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.HB, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        String title = "<b>F</b> & <script>x()</script>\r\nBcc: opfer@example.org\r\n\r\nX";
        Map<String, Object> body = api.application(StateCode.HB);
        body.put("title", title);
        long id = api.create(applicant, body).get("id").asLong();
        assertEquals(200, api.post(applicant, "/api/applications/" + id + "/submit", null).status());
        decide(fitko, id, "APPROVED", "1.00");

        OutboxMessage decided = mail.only(applicant, id);
        assertFalse(decided.subject().contains("\n") || decided.subject().contains("\r"), decided.subject());
        assertTrue(decided.subject().contains("„<b>F</b> & <script>x()</script> Bcc: opfer@example.org X“"),
                decided.subject());
        assertContains(decided.textBody(), "„<b>F</b> & <script>x()</script> Bcc: opfer@example.org X“");
        assertFalse(decided.htmlBody().contains("<script>"), decided.htmlBody());
        assertFalse(decided.htmlBody().contains("<b>F"), decided.htmlBody());
        assertContains(decided.htmlBody(), "&lt;b&gt;F&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;");
    }

    /**
     * A state's user writes the title; FITKO reads it in a mail from the registry. Its line breaks must
     * not set lines of their own into the text (a paragraph, a signature, a link to log in elsewhere)
     * that read as the registry's: the text shows it on one line between its quotes, as the HTML does.
     */
    @Test
    void aTitleCannotWriteLinesOfItsOwnIntoTheTextOfAMail() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.HB, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        String title = "Portal\n\nIhr Zugang läuft ab.\u2028Bitte neu anmelden: https://evil.example/login\n-- \nFörderregister";
        Map<String, Object> body = api.application(StateCode.HB);
        body.put("title", title);
        long id = api.create(applicant, body).get("id").asLong();
        assertEquals(200, api.post(applicant, "/api/applications/" + id + "/submit", null).status());

        String text = mail.only(fitko, id).textBody();
        assertContains(text, "„Portal Ihr Zugang läuft ab. Bitte neu anmelden: https://evil.example/login --  Förderregister“");
        for (String line : text.split("[\n\u2028]")) {
            assertFalse(line.startsWith("Bitte neu anmelden") || line.equals("Förderregister"), text);
        }
    }

    @Test
    void aLongTitleIsCutInTheSubjectBetweenCharactersAndWholeInTheText() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.MV, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        // 70 characters outside the basic plane: two UTF-16 units each
        String title = "\uD83D\uDE00".repeat(70);
        Map<String, Object> body = api.application(StateCode.MV);
        body.put("title", title);
        long id = api.create(applicant, body).get("id").asLong();
        assertEquals(200, api.post(applicant, "/api/applications/" + id + "/submit", null).status());
        decide(fitko, id, "REJECTED", null);

        OutboxMessage decided = mail.only(applicant, id);
        assertTrue(decided.subject().contains("„" + "\uD83D\uDE00".repeat(59) + "…“"), decided.subject());
        assertTrue(new String(decided.subject().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .equals(decided.subject()), "no half character");
        assertContains(decided.textBody(), "„" + title + "“");
    }

    @Test
    void aChangeThatIsRefusedAfterItsAuditEventSendsNothing() {
        Account applicant = mail.withAddress(Role.STATE, StateCode.TH, "de");
        Account fitko = mail.withAddress(Role.FITKO, null, "de");
        Account finance = mail.withAddress(Role.FINANCE, null, "de");
        int year = api.unusedYears(1);
        long id = api.submitted(applicant, StateCode.TH);
        Map<String, Object> application = api.application(StateCode.TH, year, year, "5000.00");
        long inYear = api.create(applicant, application).get("id").asLong();
        assertEquals(200, api.post(applicant, "/api/applications/" + inYear + "/submit", null).status());
        Response envelope = api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + year,
                Map.of("amount", "1000.00", "reason", "Aufteilung nach TOP 07"), Map.of());
        assertEquals(200, envelope.status(), envelope.body());

        // the decision is written and audited, then the envelope check refuses it: all of it rolls back
        Response refused = api.post(fitko, "/api/applications/" + inYear + "/decision", api.decision("APPROVED", "5000.00"));
        assertEquals(409, refused.status(), refused.body());
        assertEquals(List.of(), mail.to(applicant, inYear));
        assertEquals(List.of(), mail.about(inYear).stream().filter(m -> m.kind() == NotificationKind.APPLICATION_DECIDED).toList());

        decide(fitko, id, "APPROVED", "1.00");
        assertEquals(1, mail.to(applicant, id).size(), "the same users are told of a change that commits");
    }

    @Test
    void anImportTranscribesHistoryWithoutMailsButAnnouncesWhatWaitsForADecision() {
        Account importer = mail.withAddress(Role.FITKO, null, "de");
        Account otherFitko = mail.withAddress(Role.FITKO, null, "de");
        Account state = mail.withAddress(Role.STATE, StateCode.NI, "de");
        String marker = api.unique("Import");
        String file = String.join("\n",
                "title,owner_state,type,start_date,end_date,requested_amount_eur,status,decision_body,decision_date,agenda_item,notes",
                "Historie " + marker + ",NI,RI,2021-01-01,2022-12-31,100000.00,APPROVED,Abteilungsleiterrunde,2021-01-19,TOP 08,",
                "Wartend " + marker + ",NI,RI,2021-01-01,2022-12-31,200000.00,SUBMITTED,,,,",
                "");
        Response imported = api.sendBytes("POST", "/api/imports/applications", importer.token(),
                file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, imported.status(), imported.body());
        JsonNode rows = imported.json().get("rows");
        assertEquals("CREATED", rows.get(0).get("status").asText(), imported.body());
        assertEquals("CREATED", rows.get(1).get("status").asText(), imported.body());
        long history = rows.get(0).get("id").asLong();
        long waiting = rows.get(1).get("id").asLong();
        assertEquals("APPROVED", application(importer, history).get("status").asText());

        assertEquals(List.of(), mail.about(history), "a decision of old minutes is no news to anyone");
        assertEquals(List.of(), mail.to(state, waiting));
        assertEquals(List.of(), mail.to(importer, waiting));
        assertEquals(NotificationKind.APPLICATION_SUBMITTED, mail.only(otherFitko, waiting).kind());
    }

    private JsonNode application(Account account, long id) {
        Response read = api.get(account, "/api/applications/" + id);
        assertEquals(200, read.status(), read.body());
        return read.json();
    }

    private void decide(Account fitko, long id, String outcome, String amount) {
        Response decided = api.post(fitko, "/api/applications/" + id + "/decision", api.decision(outcome, amount));
        assertEquals(200, decided.status(), decided.body());
    }

    private Response amend(Account fitko, long id, Map<String, Object> change) {
        Map<String, Object> body = new LinkedHashMap<>(change);
        body.put("reason", "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        body.put("body", "IT-Planungsrat");
        body.put("meetingDate", "2021-03-15");
        body.put("agendaItem", "TOP 5");
        return api.post(fitko, "/api/applications/" + id + "/amendments", body);
    }

    private long requestPayment(Account account, long id, String amount, int year) {
        Response requested = api.post(account, "/api/applications/" + id + "/payments",
                Map.of("amount", amount, "year", year, "purpose", "Mittelabruf für Entwicklungsleistungen"));
        assertEquals(201, requested.status(), requested.body());
        return requested.json().get("id").asLong();
    }

    private List<NotificationKind> kinds(Account account, long id) {
        return mail.to(account, id).stream().map(OutboxMessage::kind).toList();
    }

    private OutboxMessage one(Account account, long id, NotificationKind kind) {
        List<OutboxMessage> ofKind = mail.to(account, id).stream().filter(m -> m.kind() == kind).toList();
        assertEquals(1, ofKind.size(), account.username() + " " + kind);
        return ofKind.get(0);
    }

    /** Every message of the kind about the application goes to an account of this role (and state). */
    private void assertOnly(long id, NotificationKind kind, String roleAndState) {
        List<OutboxMessage> ofKind = mail.about(id).stream().filter(m -> m.kind() == kind).toList();
        assertFalse(ofKind.isEmpty(), kind.name());
        for (OutboxMessage message : ofKind) {
            assertEquals(roleAndState, mail.roleOf(message.recipientUsername()), message.recipientUsername());
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "«" + part + "» not in:\n" + text);
        }
    }
}
