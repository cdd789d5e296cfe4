package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.document.DocumentClient;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import de.foerderregister.notification.MailComposer;
import de.foerderregister.security.Role;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * BITV 2.0 (WCAG 2.1 AA) in the browser: axe-core finds no violation on any page of any role,
 * forms with their errors shown included; no page scrolls sideways at 320 CSS pixels (WCAG 1.4.10,
 * what 1280 px at 400 % zoom shows); the issues' journeys (filing to deciding, and a payment from
 * its request to its booking) work with the keyboard alone, with a skip link first and a visible
 * focus on every stop. Screenshots of every page land in
 * target/screenshots/ (desktop and 320 px).
 */
@MicronautTest(transactional = false)
class AccessibilityTest extends BrowserTest {

    static final int NARROW = 320;

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    @Inject
    EmbeddedServer server;

    final List<String> findings = new ArrayList<>();

    @Test
    void everyPageOfEveryRoleMeetsWcag21AaAndReflowsTo320Pixels() throws IOException {
        Account applicant = api.applicant(StateCode.NW);
        Account fitko = api.account(Role.FITKO, null);
        Account finance = api.account(Role.FINANCE, null);
        Account admin = api.account(Role.ADMIN, null);
        long draft = api.create(applicant, api.application(StateCode.NW)).get("id").asLong();
        long submitted = api.submitted(StateCode.NW);
        long approved = api.approved(fitko, StateCode.NW, "1011500.00");
        long requested = payment(applicant, approved, "10000.00", 2021);
        long released = payment(applicant, approved, "20000.00", 2022);
        assertEquals(200, api.post(fitko, "/api/applications/" + approved + "/payments/" + released + "/release", null).status());
        // envelopes are global: the budget pages' examples run in years of their own
        int year = api.unusedYears(2);
        long budgeted = BudgetPagesTest.approvedIn(api, fitko, year, "100000.00", "200000.00");
        assertEquals(200, api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + (year + 1),
                Map.of("amount", "200000.00", "reason", "genau der Bedarf"), Map.of()).status());
        String interim = report(approved, 0);
        String finalReport = report(approved, 1);
        assertEquals(200, api.post(applicant, "/api" + finalReport.substring("/ui".length()) + "/submission",
                Map.of("text", "Verwendungsnachweis")).status());

        open("/ui/login");
        check("login");
        // the audit itself works: an image without a text alternative is found
        browser.executeScript("document.querySelector('main').append(document.createElement('img'))");
        assertTrue(Axe.violations(browser).stream().anyMatch(found -> found.startsWith("image-alt")), "axe-core runs");
        open("/ui/login?lang=en");
        check("login-en");
        open("/ui/login?lang=de");
        type("username", applicant.username());
        type("password", "falsch");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        check("login-failed");

        login(applicant);
        open(ApplicationPages.PATH);
        check("state-applications");
        open(ApplicationPages.PATH + "/new");
        check("state-form");
        browser.findElement(By.id("save")).click();
        browser.findElement(By.id("error-summary"));
        check("state-form-errors");
        open(ApplicationPages.PATH + "/" + draft + "/edit");
        check("state-edit");
        open(ApplicationPages.PATH + "/" + draft + "/submit");
        check("state-submit-confirm");
        long document = documents.upload(applicant, approved, new Multipart().field("title", "Bescheid")
                .file("bescheid.pdf", "application/pdf", SampleFiles.pdf())).json().get("id").asLong();
        open(ApplicationPages.PATH + "/" + approved);
        check("state-detail");
        browser.findElement(By.id("request-payment")).click();
        browser.findElement(By.id("error-summary"));
        check("state-request-errors");
        browser.findElement(By.id("cancel-" + requested)).click();
        browser.findElement(By.id("reason_" + requested + "-error"));
        check("state-cancel-errors");
        open(ApplicationPages.PATH + "/" + approved);
        browser.findElement(By.id("upload")).click();
        browser.findElement(By.id("error-summary"));
        check("state-document-upload-errors");
        open(ApplicationPages.PATH + "/" + approved + "/documents/" + document + "/withdraw");
        check("state-document-withdraw");
        browser.findElement(By.id("confirm")).click();
        browser.findElement(By.id("error-summary"));
        check("state-document-withdraw-errors");
        open(ObligationPages.PATH);
        check("state-obligations");
        open(interim);
        check("state-obligation");
        browser.findElement(By.id("submit-report")).click();
        browser.findElement(By.id("error-summary"));
        check("state-obligation-errors");
        open(ObligationPages.PATH + "?lang=en");
        check("state-obligations-en");
        open(finalReport + "?lang=de");
        check("state-obligation-submitted");
        open(ReportPages.PATH);
        check("state-reports");
        open(MailComposer.SETTINGS_PATH);
        check("state-notifications");
        type("email", "kein-at-zeichen");
        browser.findElement(By.id("save")).click();
        browser.findElement(By.id("error-summary"));
        check("state-notifications-errors");
        open(ApplicationPages.PATH + "/" + Long.MAX_VALUE);
        check("state-not-found");
        logout();

        login(fitko);
        open("/ui/queue");
        check("fitko-queue");
        open(ApplicationPages.PATH);
        check("fitko-applications");
        open(ApplicationPages.PATH + "/" + submitted);
        check("fitko-detail-submitted");
        open(ApplicationPages.PATH + "/" + submitted + "/decision");
        check("fitko-decision");
        browser.findElement(By.id("record")).click();
        browser.findElement(By.id("error-summary"));
        check("fitko-decision-errors");
        open("/ui/batch");
        check("fitko-batch");
        browser.findElement(By.id("record")).click();
        browser.findElement(By.id("error-summary"));
        check("fitko-batch-errors");
        browser.findElement(By.cssSelector("#items input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("#items input[inputmode=decimal]")).sendKeys("viel");
        browser.findElement(By.id("record")).click();
        browser.findElement(By.cssSelector("#items .error-text"));
        check("fitko-batch-item-errors");
        open(ApplicationPages.PATH + "/" + approved + "/amendment");
        check("fitko-amendment");
        browser.findElement(By.id("record")).click();
        browser.findElement(By.id("error-summary"));
        check("fitko-amendment-errors");
        type("body", "Abteilungsleiterrunde");
        type("meetingDate", "16.03.2021");
        type("agendaItem", "TOP 03");
        type("vatRatePercent", "19");
        type("reason", "Umsatzsteuer");
        browser.findElement(By.id("record")).click();
        waitForUrl("done=amended");
        check("fitko-detail-amendment-proposed");
        open(ObligationPages.PATH);
        check("fitko-obligations-review");
        open(ObligationPages.PATH + "?status=OUTSTANDING&overdue=on");
        check("fitko-obligations-overdue");
        open(finalReport);
        check("fitko-obligation-review");
        browser.findElement(By.id("return")).click();
        browser.findElement(By.id("error-summary"));
        check("fitko-obligation-return-errors");
        open(ReportPages.PATH);
        check("fitko-reports");
        open(PaymentPages.TO_RELEASE + "?year=2021&ownerState=NW");
        check("fitko-payments-to-release");
        browser.findElement(By.id("reject-" + requested)).click();
        browser.findElement(By.id("reason_" + requested + "-error"));
        check("fitko-payments-reject-errors");
        open(ApplicationPages.PATH + "/" + budgeted);
        check("fitko-detail-approved");
        browser.findElement(By.id("carry-over-save")).click();
        browser.findElement(By.id("error-summary"));
        check("fitko-carry-over-errors");
        new Select(browser.findElement(By.id("carryToYear"))).selectByValue(String.valueOf(year + 1));
        type("carryAmount", "40.000,00");
        type("carryReason", "Verzögerung der Ausschreibung");
        browser.findElement(By.id("carry-over-save")).click();
        browser.findElement(By.id("carryOverCommitment"));
        check("fitko-carry-over-shortfall");
        open(BudgetPages.PATH);
        check("fitko-budget");
        logout();

        login(finance);
        open(ApplicationPages.PATH);
        check("finance-applications");
        open(ApplicationPages.PATH + "/" + approved);
        check("finance-detail");
        browser.findElement(By.id("record-repayment")).click();
        browser.findElement(By.id("error-summary"));
        check("finance-repayment-errors");
        open(PaymentPages.TO_BOOK + "?year=2022");
        check("finance-payments-to-book");
        browser.findElement(By.id("book-" + released)).click();
        browser.findElement(By.id("paidOn_" + released + "-error"));
        check("finance-payments-book-errors");
        open(BudgetPages.PATH + "?year=" + year);
        check("finance-budget");
        type("envelopeYear", String.valueOf(year));
        type("envelopeAmount", "50.000,00");
        type("envelopeReason", "Kürzung");
        browser.findElement(By.id("set-envelope-save")).click();
        browser.findElement(By.id("envelopeOverCommitment"));
        check("finance-budget-shortfall");
        open(ObligationPages.PATH);
        check("finance-obligations");
        open(finalReport);
        check("finance-obligation");
        open(ReportPages.PATH);
        check("finance-reports");
        open(ReportPages.PATH + "?year=abc&asOf=gestern");
        check("finance-reports-errors");
        logout();

        login(admin);
        open(UserPages.PATH);
        check("admin-users");
        WebElement password = browser.findElement(By.cssSelector("input[name=newPassword]"));
        password.sendKeys("kurz");
        password.submit();
        browser.findElement(By.id("error-summary"));
        check("admin-users-errors");

        assertEquals(List.of(), findings, String.join("\n", findings));
    }

    @Test
    void stateFilesFitkoDecidesFinanceDownloadsWithTheKeyboardAlone() throws IOException {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account fitko = api.account(Role.FITKO, null);
        Account finance = api.account(Role.FINANCE, null);
        String title = api.unique("Barrierefreies Antragsportal");

        open("/ui/login");
        press(Keys.TAB);
        WebElement skip = focused();
        assertEquals("Zum Inhalt springen", skip.getText(), "the skip link is the first stop");
        assertFocusVisible();
        press(Keys.ENTER);
        press(Keys.TAB);
        assertEquals("username", focused().getAttribute("id"), "the skip link leads to the main content");
        keyboardLogin(nw);

        tabTo("a[href='/ui/applications/new']");
        press(Keys.ENTER);
        tabTo("#title");
        press(title);
        tabTo("#startDate");
        press("01.01.2021");
        tabTo("#endDate");
        press("31.12.2022");
        tabTo("#requestedAmount");
        press("250.000,00");
        tabTo("#save");
        press(Keys.ENTER);
        waitForUrl("done=created");
        tabTo("#submit");
        press(Keys.ENTER);
        tabTo("#confirm");
        press(Keys.ENTER);
        waitForUrl("done=submitted");
        assertEquals("eingereicht", browser.findElement(By.id("status")).getText());
        keyboardLogout();

        keyboardLogin(fitko);
        waitForUrl("/ui/queue");
        tabTo("a[aria-label='Entscheidung erfassen: " + title + "']");
        press(Keys.ENTER);
        tabTo("#body");
        press("Abteilungsleiterrunde");
        tabTo("#meetingDate");
        press("19.01.2021");
        tabTo("#agendaItem");
        press("TOP 08");
        tabTo("#outcome");
        assertEquals("APPROVED", focused().getAttribute("value"), "approval is the first outcome");
        tabTo("#approvedAmount");
        press("250.000,00");
        tabTo("#record");
        press(Keys.ENTER);
        waitForUrl("done=decided");
        assertEquals("genehmigt", browser.findElement(By.id("status")).getText());
        keyboardLogout();

        Path downloads = Files.createTempDirectory("foerderregister-downloads-");
        chromium.downloadTo(downloads);
        keyboardLogin(finance);
        waitForUrl(ReportPages.PATH);
        tabTo("#budget-csv");
        press(Keys.ENTER);
        Path csv = chromium.awaitDownload(downloads, ".csv");
        String summary = Files.readString(csv);
        assertTrue(summary.contains("Nach Land und Art;Nordrhein-Westfalen"), "the budget summary: " + summary);
        Files.delete(csv);
        Files.delete(downloads);
    }

    @Test
    void aPaymentIsRequestedReleasedAndBookedWithTheKeyboardAlone() {
        Account fitko = api.account(Role.FITKO, null);
        // in years of its own, so the work lists filtered by the year show this payment alone
        int year = api.unusedYears(1);
        long id = BudgetPagesTest.approvedIn(api, fitko, year, "100000.00");
        // not the shared applicant: logging out ends every session of the account, its API token too
        Account nw = api.account(Role.STATE, StateCode.NW);

        keyboardLogin(nw);
        open(ApplicationPages.PATH + "/" + id);
        tabTo("#paymentAmount");
        press("60.000,00");
        tabTo("#paymentYear");
        assertEquals(String.valueOf(year), focused().getAttribute("value"), "the first year with money left is chosen");
        tabTo("#paymentPurpose");
        press("Erste Tranche");
        tabTo("#request-payment");
        press(Keys.ENTER);
        waitForUrl("done=paymentRequested");
        assertEquals("40.000,00 €", browser.findElement(By.id("remaining-" + year)).getText());
        keyboardLogout();

        keyboardLogin(api.account(Role.FITKO, null));
        tabTo("a[href='" + PaymentPages.TO_RELEASE + "']");
        press(Keys.ENTER);
        tabTo("#year");
        press(year + Keys.ENTER.toString());
        waitForUrl("year=" + year);
        tabTo("button[id^=release-]");
        press(Keys.ENTER);
        waitForUrl("done=released");
        keyboardLogout();

        keyboardLogin(api.account(Role.FINANCE, null));
        tabTo("a[href='" + PaymentPages.TO_BOOK + "']");
        press(Keys.ENTER);
        tabTo("#year");
        press(year + Keys.ENTER.toString());
        waitForUrl("year=" + year);
        tabTo("input[id^=paidOn_]");
        press("01.03.2021");
        tabTo("input[id^=bookingReference_]");
        press(api.unique("HKR"));
        tabTo("button[id^=book-]");
        press(Keys.ENTER);
        waitForUrl("done=paid");
        open(ApplicationPages.PATH + "/" + id);
        assertEquals("60.000,00 €", browser.findElement(By.id("paid-total")).getText());
        assertEquals("40.000,00 €", browser.findElement(By.id("remaining-total")).getText());
    }

    private long payment(Account account, long applicationId, String amount, int year) {
        TestApi.Response requested = api.post(account, "/api/applications/" + applicationId + "/payments",
                Map.of("amount", amount, "year", year, "purpose", "Mittelabruf für Entwicklungsleistungen"));
        assertEquals(201, requested.status(), requested.body());
        return requested.json().get("id").asLong();
    }

    @Test
    void aStateSubmitsAReportAndFitkoAcceptsItWithTheKeyboardAlone() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account reviewer = api.account(Role.FITKO, null);
        long approved = api.approved(api.account(Role.FITKO, null), StateCode.NW, "1011500.00");
        String interim = report(approved, 0);

        keyboardLogin(nw);
        tabTo("a[href='" + ObligationPages.PATH + "']");
        press(Keys.ENTER);
        waitForUrl(ObligationPages.PATH);
        open(ApplicationPages.PATH + "/" + approved);
        tabTo("a[href='" + interim + "']");
        press(Keys.ENTER);
        waitForUrl(interim);
        tabTo("#text");
        press("Sachbericht 2021: Pilotbetrieb in drei Kommunen");
        tabTo("#submit-report");
        press(Keys.ENTER);
        waitForUrl("done=reportSubmitted");
        assertEquals("eingereicht, in Prüfung", browser.findElement(By.cssSelector("#status span")).getText());
        keyboardLogout();

        keyboardLogin(reviewer);
        open(interim);
        tabTo("#accept");
        press(Keys.ENTER);
        waitForUrl("done=reportAccepted");
        assertEquals("angenommen", browser.findElement(By.cssSelector("#status span")).getText());
    }

    /** The page of the application's report at the position (due date order). */
    private String report(long applicationId, int position) {
        long id = api.get(api.applicant(StateCode.NW), "/api/applications/" + applicationId + "/obligations").json()
                .get(position).get("id").asLong();
        return ApplicationPages.PATH + "/" + applicationId + "/obligations/" + id;
    }

    @Test
    void statusReportsAndThePortfolioMeetWcag21AaAndWorkWithTheKeyboard() throws IOException {
        Account fitko = api.account(Role.FITKO, null);
        Account rp = api.applicant(StateCode.RP);
        Account finance = api.account(Role.FINANCE, null);
        long approved = api.approved(fitko, StateCode.RP, "400000.00");
        String detail = ApplicationPages.PATH + "/" + approved;

        keyboardLogin(rp);
        open(detail);
        check("state-status-form");
        tabTo("#report");
        press(Keys.ENTER);
        browser.findElement(By.id("error-summary"));
        check("state-status-errors");
        // each light is chosen by typing its word into the focused list, as a keyboard user would
        tabTo("#statusSchedule");
        press("Rot");
        tabTo("#statusBudget");
        press("Grün");
        tabTo("#statusQuality");
        press("Gelb");
        tabTo("#statusComment");
        press("Abnahme verschoben");
        tabTo("#report");
        press(Keys.ENTER);
        waitForUrl("done=reported");
        assertEquals("Rot", browser.findElement(By.id("light-overall")).getText());
        check("state-status-reported");
        open(ApplicationPages.PATH + "?light=RED");
        check("state-applications-lights");
        open(PortfolioPages.PATH);
        check("state-portfolio");
        keyboardLogout();

        login(fitko);
        open(PortfolioPages.PATH);
        check("fitko-portfolio");
        open(PortfolioPages.PATH + "?light=BLAU");
        browser.findElement(By.id("error-summary"));
        check("fitko-portfolio-errors");
        open(PortfolioPages.PATH + "?lang=en&light=RED");
        check("fitko-portfolio-en");
        open(detail + "?lang=de");
        check("fitko-detail-status");
        logout();

        login(finance);
        open(PortfolioPages.PATH);
        check("finance-portfolio");
        open(detail);
        check("finance-detail-status");

        assertEquals(List.of(), findings, String.join("\n", findings));
    }

    /** axe-core on the page, a screenshot, and the page again at 320 px: no rule broken, no sideways scroll. */
    private void check(String page) throws IOException {
        for (String violation : Axe.violations(browser)) {
            findings.add(page + ": " + violation);
        }
        // WCAG 3.3.1: each entry of the error summary leads to its field, each field names its error;
        // WCAG 4.1.1: no id twice (axe no longer checks it)
        List<?> unlinked = (List<?>) browser.executeScript("""
                const found = [];
                document.querySelectorAll('.error-summary a').forEach(a => {
                  if (!document.getElementById(a.hash.slice(1))) { found.push('summary entry leads nowhere: ' + a.hash); } });
                document.querySelectorAll('.error-text').forEach(e => {
                  if (!e.id || !document.querySelector('[aria-describedby~="' + e.id + '"]')) {
                    found.push('error text no field names: ' + (e.id || e.textContent)); } });
                const seen = new Set();
                document.querySelectorAll('[id]').forEach(e => {
                  if (seen.has(e.id)) { found.push('id given twice: ' + e.id); } seen.add(e.id); });
                return found;""");
        unlinked.forEach(problem -> findings.add(page + ": " + problem));
        chromium.screenshot(page);
        chromium.viewportWidth(NARROW);
        try {
            // the innermost elements reaching past the right edge, outside any scroll region, name the culprit
            Map<?, ?> width = (Map<?, ?>) browser.executeScript("""
                    const client = document.documentElement.clientWidth;
                    const wide = [...document.body.querySelectorAll('*')]
                      .filter(e => e.getBoundingClientRect().right > client + 1)
                      .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) {
                        if (getComputedStyle(p).overflowX !== 'visible') { return false; } } return true; })
                      .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > client + 1))
                      .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : ''));
                    return {scroll: document.documentElement.scrollWidth, client: client, wide: wide.join(', ')};""");
            long scroll = ((Number) width.get("scroll")).longValue();
            long client = ((Number) width.get("client")).longValue();
            if (scroll > client) {
                findings.add(page + ": scrolls sideways at " + NARROW + " px (" + scroll + " > " + client + "): "
                        + width.get("wide"));
            }
            chromium.screenshot(page + "-" + NARROW + "px");
        } finally {
            chromium.fullViewport();
        }
    }

    private void open(String path) {
        browser.get(server.getURL() + path);
    }

    private void login(Account account) {
        open(LoginPage.PATH);
        type("username", account.username());
        type("password", TestApi.PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.getCurrentUrl().contains(LoginPage.PATH));
    }

    private void logout() {
        browser.findElement(By.cssSelector("header form button[type=submit]")).click();
        waitForUrl(LoginPage.PATH);
    }

    private void keyboardLogin(Account account) {
        if (!browser.getCurrentUrl().contains(LoginPage.PATH)) {
            open(LoginPage.PATH);
        }
        tabTo("#username");
        press(account.username());
        tabTo("#password");
        press(TestApi.PASSWORD + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.getCurrentUrl().contains(LoginPage.PATH));
    }

    private void keyboardLogout() {
        tabTo("header form button[type=submit]");
        press(Keys.ENTER);
        waitForUrl(LoginPage.PATH);
    }

    /** Presses TAB until the element is focused, as a keyboard user walks the page; the focus must show at every stop. */
    private void tabTo(String css) {
        for (int stop = 0; stop < 80; stop++) {
            if (!(Boolean) browser.executeScript("return document.activeElement === document.body")) {
                assertFocusVisible();
            }
            if ((Boolean) browser.executeScript("return document.activeElement.matches(arguments[0])", css)) {
                return;
            }
            press(Keys.TAB);
        }
        fail("TAB never reached " + css + " on " + browser.getCurrentUrl());
    }

    private void assertFocusVisible() {
        Map<?, ?> style = (Map<?, ?>) browser.executeScript("const s = getComputedStyle(document.activeElement);"
                + " return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow}");
        boolean outline = !"none".equals(style.get("outline")) && !"0px".equals(style.get("width"));
        boolean shadow = !"none".equals(style.get("shadow"));
        assertTrue(outline || shadow, "no visible focus on " + focused().getAttribute("outerHTML") + ": " + style);
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void press(CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

}
