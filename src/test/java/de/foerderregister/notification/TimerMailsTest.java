package de.foerderregister.notification;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.notification.TimerFixture.Sent;
import de.foerderregister.application.StateCode;
import de.foerderregister.obligation.ObligationService;
import de.foerderregister.security.Role;
import de.foerderregister.system.GermanNotation;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timer mails on a Monday of the registry's clock around which no report of any test is owed:
 * a final report due in 10 days and one overdue by 5 days are told of once per user, however often
 * and from however many instances the timer runs; opt-outs hold; the digest names each user's own
 * work only. (The day is before 2038: the database's TIMESTAMP columns end there.)
 */
@MicronautTest(transactional = false)
@Property(name = SettableClock.PROPERTY, value = "true")
class TimerMailsTest {

    @Inject
    TestApi api;
    @Inject
    SettableClock clock;
    @Inject
    ObligationReminders reminders;
    @Inject
    WeeklyDigest digest;
    @Inject
    ObligationService obligations;
    @Inject
    Recipients recipients;
    @Inject
    Outbox outbox;
    @Inject
    NotificationSettings settings;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    TimerFixture fixture;

    LocalDate monday;
    Account admin;
    Account fitko;

    @BeforeEach
    void day() {
        monday = fixture.quietMonday();
        clock.set(monday);
        admin = api.account(Role.ADMIN, null);
        fitko = api.account(Role.FITKO, null);
    }

    @AfterEach
    void handIn() {
        fixture.handIn(fitko);
    }

    @Test
    void reportsDueAndOverdueAreToldOfOnceEvenByTwoInstancesAtOnceAndOptOutsHold() throws Exception {
        Account english = withAddress(api.account(Role.STATE, StateCode.HB), "en");
        Account noReminders = withAddress(api.account(Role.STATE, StateCode.HB), "de");
        Account nw = withAddress(api.account(Role.STATE, StateCode.NW), "de");
        assertEquals(200, api.put(noReminders, "/api/me/notifications", Map.of("optOuts", List.of("OBLIGATION_DUE"),
                "currentPassword", TestApi.PASSWORD), Map.of()).status());
        long due = finalReportDueIn(StateCode.HB, 10);
        long overdue = finalReportDueIn(StateCode.HB, -5);
        long dueNw = finalReportDueIn(StateCode.NW, 10);

        reminders.remind();
        ObligationReminders secondInstance = new ObligationReminders(obligations, recipients, outbox, settings, transactions);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> await(start, reminders::remind));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> await(start, secondInstance::remind));
        one.get();
        two.get();

        List<Sent> toEnglish = sent(english);
        assertEquals(List.of("OBLIGATION_DUE"), kinds(toEnglish, due), toEnglish.toString());
        assertEquals(List.of("OBLIGATION_OVERDUE"), kinds(toEnglish, overdue), toEnglish.toString());
        assertEquals(List.of(), kinds(toEnglish, dueNw), "another state's report");
        Sent reminder = only(toEnglish, due);
        JsonNode report = owed(due).get(0);
        LocalDate dueDate = LocalDate.parse(report.get("dueDate").asText());
        assertEquals("obligation-due:" + report.get("id").asLong() + ":" + dueDate + ":" + english.username(),
                reminder.dedupKey());
        assertEquals("Report due on " + GermanNotation.date(dueDate) + ": " + report.get("reference").asText(), reminder.subject());
        assertTrue(reminder.text().contains("Final report of application " + report.get("reference").asText()), reminder.text());
        assertTrue(reminder.text().contains("http://localhost:8080/ui/applications/" + due + "/obligations/"
                + report.get("id").asLong() + "?lang=en"), reminder.text());
        JsonNode lateReport = owed(overdue).get(0);
        assertEquals("Report overdue since " + GermanNotation.date(LocalDate.parse(lateReport.get("dueDate").asText())) + ": "
                + lateReport.get("reference").asText(), only(toEnglish, overdue).subject());

        List<Sent> toOptedOut = sent(noReminders);
        assertEquals(List.of(), kinds(toOptedOut, due), "opted out of reports due");
        assertEquals(List.of("OBLIGATION_OVERDUE"), kinds(toOptedOut, overdue), "but not of overdue ones");
        assertTrue(only(toOptedOut, overdue).subject().startsWith("Nachweis überfällig seit "), toOptedOut.toString());

        List<Sent> toNw = sent(nw);
        assertEquals(List.of("OBLIGATION_DUE"), kinds(toNw, dueNw));
        assertEquals(List.of(), kinds(toNw, due));

        // the report is handed in: no further reminder of it, even on a later run
        assertEquals(200, api.post(api.applicant(StateCode.HB), "/api/applications/" + due + "/obligations/"
                + report.get("id").asLong()
                + "/submission", Map.of("text", "Sachbericht")).status());
        Account newcomer = withAddress(api.account(Role.STATE, StateCode.HB), "de");
        reminders.remind();
        assertEquals(List.of(), kinds(sent(newcomer), due), "submitted: not owed any more");
        assertEquals(List.of("OBLIGATION_OVERDUE"), kinds(sent(newcomer), overdue));
    }

    @Test
    void theMondayDigestNamesEachUsersOwnWorkOnceAWeek() {
        Account fitkoA = withAddress(api.account(Role.FITKO, null), "de");
        Account fitkoB = withAddress(api.account(Role.FITKO, null), "de");
        Account finance = withAddress(api.account(Role.FINANCE, null), "en");
        Account hb = withAddress(api.account(Role.STATE, StateCode.HB), "de");
        Account noDigest = withAddress(api.account(Role.STATE, StateCode.HB), "de");
        assertEquals(200, api.put(noDigest, "/api/me/notifications", Map.of("optOuts", List.of("WEEKLY_DIGEST"),
                "currentPassword", TestApi.PASSWORD), Map.of()).status());
        long due = finalReportDueIn(StateCode.HB, 10);
        long dueNw = finalReportDueIn(StateCode.NW, 10);
        long amended = finalReportDueIn(StateCode.HB, 100);
        int paymentYear = monday.plusDays(100).minusMonths(6).getYear();
        api.submitted(StateCode.HB);
        Response proposed = api.post(fitkoA, "/api/applications/" + amended + "/amendments", Map.of(
                "vatRatePercent", "16", "reason", "Mehrwertsteuer", "body", "IT-Planungsrat", "meetingDate", "2021-03-15",
                "agendaItem", "TOP 3"));
        assertEquals(201, proposed.status(), proposed.body());
        assertEquals(201, api.post(fitkoA, "/api/applications/" + amended + "/payments", Map.of("amount", "1000.00",
                "year", paymentYear, "purpose", "Erste Tranche")).status());
        Response byState = api.post(api.applicant(StateCode.HB), "/api/applications/" + amended + "/payments",
                Map.of("amount", "2000.00", "year", paymentYear, "purpose", "Zweite Tranche"));
        assertEquals(201, byState.status(), byState.body());
        assertEquals(200, api.post(fitkoB, "/api/applications/" + amended + "/payments/" + byState.json().get("id").asLong()
                + "/release", null).status(), "released: finance's work");

        clock.set(monday.minusDays(1));
        digest.send();
        assertEquals(List.of(), digests(hb), "Sunday is no digest day");
        clock.set(monday);
        digest.send();
        digest.send();

        String week = WeeklyDigest.week(monday);
        Sent a = onlyDigest(fitkoA);
        Sent b = onlyDigest(fitkoB);
        assertEquals("digest:" + week + ":" + fitkoA.username(), a.dedupKey());
        assertTrue(a.subject().startsWith("Ihre Wochenübersicht im Förderregister (" + week + "): "), a.subject());
        assertEquals(count(b, "Änderungen, die auf Ihre Bestätigung warten") ,
                count(a, "Änderungen, die auf Ihre Bestätigung warten") + 1, "not the amendment A proposed");
        assertEquals(count(b, "Mittelabrufe, die auf Ihre Freigabe warten"),
                count(a, "Mittelabrufe, die auf Ihre Freigabe warten") + 1, "not the payment A requested");
        assertTrue(b.text().contains("/ui/payments/requested"), b.text());
        assertEquals(total(fitkoA, "/api/applications?status=SUBMITTED"),
                count(a, "Eingereichte Anträge, die auf eine Entscheidung warten"));
        assertTrue(a.text().contains("http://localhost:8080/ui/queue\n"), a.text());
        assertEquals(total(fitkoA, "/api/obligations?status=SUBMITTED"), count(a, "Eingereichte Nachweise, die auf Prüfung warten"));

        Sent toFinance = onlyDigest(finance);
        assertEquals(total(finance, "/api/payments?status=RELEASED"), count(toFinance, "Released payments awaiting booking"));
        assertTrue(toFinance.text().contains("/ui/payments/released?lang=en"), toFinance.text());
        assertFalse(toFinance.text().contains("Amendments"), "FITKO's work is not finance's");

        Sent state = onlyDigest(hb);
        String dueReference = owed(due).get(0).get("reference").asText();
        assertEquals(1, count(state, "Nachweise Ihres Landes, die in den nächsten 14 Tagen fällig werden"),
                "the one HB report due around this day: " + state.text());
        assertTrue(state.text().contains("• " + dueReference + " „"), state.text());
        assertFalse(state.text().contains(owed(dueNw).get(0).get("reference").asText()), "nothing of NW");
        assertEquals(total(hb, "/api/obligations?status=OPEN&status=RETURNED&overdue=true"),
                count(state, "Überfällige Nachweise Ihres Landes"));
        assertEquals(total(hb, "/api/applications?status=DRAFT"), count(state, "Entwürfe Ihres Landes"));
        assertFalse(state.text().contains("Mittelabrufe"), state.text());
        Matcher linked = Pattern.compile("/ui/applications/(\\d+)").matcher(state.text());
        int links = 0;
        while (linked.find()) {
            links++;
            assertEquals("HB", api.get(fitko, "/api/applications/" + linked.group(1)).json().get("ownerState").asText(),
                    "a HB user's digest links HB's applications only");
        }
        assertTrue(links >= 1, state.text());

        assertEquals(List.of(), digests(noDigest), "opted out");
        digest.send();
        assertEquals(1, digests(hb).size(), "once a week");
    }

    private JsonNode owed(long application) {
        return fixture.owed(fitko, application);
    }

    private Account withAddress(Account account, String language) {
        return fixture.withAddress(admin, account, language);
    }

    private long finalReportDueIn(StateCode state, int days) {
        return fixture.finalReportDueIn(fitko, state, monday, days);
    }

    private List<Sent> sent(Account account) {
        return fixture.sent(account);
    }

    private long total(Account account, String path) {
        Response page = api.get(account, path);
        assertEquals(200, page.status(), page.body());
        return page.json().get("totalSize").asLong();
    }

    /** The number a digest's heading gives, e.g. "Entwürfe Ihres Landes: 3 – …". */
    private static long count(Sent digest, String heading) {
        Matcher found = Pattern.compile(Pattern.quote(heading) + ": (\\d+)").matcher(digest.text());
        return found.find() ? Long.parseLong(found.group(1)) : 0;
    }

    private static void await(CyclicBarrier start, Runnable run) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        run.run();
    }

    private static List<String> kinds(List<Sent> sent, long application) {
        return sent.stream().filter(row -> row.applicationId() != null && row.applicationId() == application)
                .map(Sent::kind).toList();
    }

    private static Sent only(List<Sent> sent, long application) {
        List<Sent> about = sent.stream().filter(row -> row.applicationId() != null && row.applicationId() == application)
                .toList();
        assertEquals(1, about.size(), about.toString());
        return about.get(0);
    }

    private List<Sent> digests(Account account) {
        return sent(account).stream().filter(row -> row.kind().equals("WEEKLY_DIGEST")).toList();
    }

    private Sent onlyDigest(Account account) {
        List<Sent> digests = digests(account);
        assertEquals(1, digests.size(), digests.toString());
        return digests.get(0);
    }
}
