package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issues' journeys in a real headless Chromium ({@link Chromium}): a state files an application,
 * trips over a validation error, fixes it and submits; FITKO approves it; finance downloads the PDF.
 * And the money after it: the state requests a payment, another FITKO user releases it, finance
 * books it, and the application's page shows what remains.
 */
@MicronautTest(transactional = false)
class BrowserJourneyTest extends BrowserTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    @Test
    void stateFilesAndSubmitsFitkoApprovesFinanceDownloadsThePdf() throws Exception {
        Account nw = api.account(Role.STATE, StateCode.NW);
        Account fitko = api.account(Role.FITKO, null);
        Account finance = api.account(Role.FINANCE, null);
        String title = api.unique("Elektronischer Heilberufsausweis");

        // the state files an application, with the end before the start
        login(nw);
        browser.findElement(By.linkText("Neuer Antrag")).click();
        type("title", title);
        new Select(browser.findElement(By.id("type"))).selectByValue("REFERENCE_IMPLEMENTATION");
        type("startDate", "01.01.2021");
        type("endDate", "31.12.2020");
        type("requestedAmount", "1.011.500,00");
        browser.findElement(By.id("save")).click();

        WebElement summary = browser.findElement(By.cssSelector(".error-summary[role=alert]"));
        assertTrue(summary.getText().contains("Ende: Das Ende darf nicht vor dem Beginn liegen."), summary.getText());
        assertEquals("Das Ende darf nicht vor dem Beginn liegen.", browser.findElement(By.id("endDate-error")).getText());
        assertEquals(title, browser.findElement(By.id("title")).getAttribute("value"), "entered values are kept");
        summary.findElement(By.linkText("Ende: Das Ende darf nicht vor dem Beginn liegen.")).click();

        type("endDate", "31.12.2022");
        browser.findElement(By.id("save")).click();
        assertTrue(text(".notice").contains("als Entwurf angelegt"), text("main"));
        assertEquals("1.011.500,00 €", browser.findElement(By.id("requestedAmount")).getText());
        String detail = browser.getCurrentUrl();

        browser.findElement(By.id("submit")).click();
        assertTrue(text("h1").contains("einreichen"), text("h1"));
        browser.findElement(By.id("confirm")).click();
        assertEquals("eingereicht", browser.findElement(By.id("status")).getText());
        logout();

        // FITKO approves it from the queue
        login(fitko);
        waitForUrl("/ui/queue");
        browser.findElement(By.linkText(title)).click();
        browser.findElement(By.id("decide")).click();
        type("body", "Abteilungsleiterrunde");
        type("meetingDate", "19.01.2021");
        type("agendaItem", "TOP 08");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("APPROVED");
        type("approvedAmount", "1.011.500,00");
        browser.findElement(By.id("record")).click();
        assertEquals("genehmigt", browser.findElement(By.id("status")).getText());
        assertEquals("1.011.500,00 €", browser.findElement(By.id("approvedAmount")).getText());
        assertEquals(detail, browser.getCurrentUrl().replace("?done=decided", "?done=created"));

        // and files the project's first status report on its page
        new Select(browser.findElement(By.id("statusSchedule"))).selectByValue("GREEN");
        new Select(browser.findElement(By.id("statusBudget"))).selectByValue("YELLOW");
        new Select(browser.findElement(By.id("statusQuality"))).selectByValue("GREEN");
        type("statusComment", "Mehrwertsteuer war nicht eingeplant");
        browser.findElement(By.id("report")).click();
        assertEquals("Gelb", text("#light-overall"));
        logout();

        // finance opens the reports and downloads the budget summary as PDF with the browser's session
        login(finance);
        waitForUrl("/ui/reports");
        assertTrue(browser.findElements(By.cssSelector("svg.chart rect")).size() > 0, "bar chart drawn");
        String href = browser.findElement(By.id("budget-pdf")).getAttribute("href");
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"), "a PDF");
        Cookie session = browser.manage().getCookieNamed(UiSession.COOKIE);
        assertTrue(session != null && session.isHttpOnly(), "the session cookie is HttpOnly");
    }

    @Test
    void stateRequestsAPaymentFitkoReleasesFinanceBooksAndThePageShowsWhatRemains() {
        Account approver = api.account(Role.FITKO, null);
        long id = api.approved(approver, StateCode.NW, "1011500.00");
        String title = api.get(approver, "/api/applications/" + id).json().get("title").asText();
        Account nw = api.applicant(StateCode.NW);
        Account fitko = api.account(Role.FITKO, null);
        Account finance = api.account(Role.FINANCE, null);
        String detail = server.getURL() + ApplicationPages.PATH + "/" + id;

        // the state asks for more than the year's share leaves, reads why next to the field, and asks again
        login(nw);
        waitForUrl("/ui/applications");
        browser.get(detail);
        assertEquals("500.000,00 €", browser.findElement(By.id("remaining-2021")).getText());
        type("paymentAmount", "600.000,00");
        new Select(browser.findElement(By.id("paymentYear"))).selectByValue("2021");
        type("paymentPurpose", "Erste Tranche: Entwicklung");
        browser.findElement(By.id("request-payment")).click();
        waitForUrl("/payments#request");
        String error = browser.findElement(By.id("paymentAmount-error")).getText();
        assertTrue(error.contains("noch abrufbar 500.000,00"), error);
        assertTrue(text(".error-summary[role=alert]").contains("Betrag: "), text(".error-summary"));
        type("paymentAmount", "250.000,00");
        browser.findElement(By.id("request-payment")).click();
        assertTrue(text(".notice").contains("Die Zahlung wurde angefordert"), text("main"));
        assertEquals("250.000,00 €", browser.findElement(By.id("remaining-2021")).getText());
        WebElement status = browser.findElement(By.cssSelector("[id^=payment-status-]"));
        assertEquals("angefordert", status.getText());
        String payment = status.getAttribute("id").substring("payment-status-".length());
        logout();

        // another FITKO user releases it from FITKO's list
        login(fitko);
        waitForUrl("/ui/queue");
        browser.findElement(By.linkText("Freigaben")).click();
        assertTrue(browser.findElement(By.id("work-list")).getText().contains(title), "the request is listed");
        browser.findElement(By.id("release-" + payment)).click();
        assertTrue(text(".notice").contains("Die Zahlung wurde freigegeben"), text("main"));
        assertTrue(browser.findElements(By.id("release-" + payment)).isEmpty(), "no longer to release");
        logout();

        // finance books it from its list, with the day and the booking reference
        login(finance);
        waitForUrl("/ui/reports");
        browser.findElement(By.linkText("Auszahlungen")).click();
        type("paidOn_" + payment, "15.02.2021");
        type("bookingReference_" + payment, api.unique("HKR"));
        browser.findElement(By.id("book-" + payment)).click();
        assertTrue(text(".notice").contains("als ausgezahlt gebucht"), text("main"));
        logout();

        // the state sees the payment made and what remains
        login(nw);
        waitForUrl("/ui/applications");
        browser.get(detail);
        assertEquals("ausgezahlt", browser.findElement(By.id("payment-status-" + payment)).getText());
        assertEquals("250.000,00 €", browser.findElement(By.id("paid-total")).getText());
        assertEquals("250.000,00 €", browser.findElement(By.id("remaining-2021")).getText());
        assertEquals("761.500,00 €", browser.findElement(By.id("remaining-total")).getText());
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations);
    }

    @Test
    void logoutEndsTheWebSession() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        login(nw);
        waitForUrl("/ui/applications");
        // the pages keep their look under the strict CSP: the style sheet applies, nothing was blocked
        assertEquals("rgba(0, 69, 125, 1)", browser.findElement(By.cssSelector("header.top")).getCssValue("background-color"));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations);
        Cookie session = browser.manage().getCookieNamed(UiSession.COOKIE);
        assertTrue(session != null && session.isHttpOnly(), "signed in with an HttpOnly session cookie");

        logout();
        assertNull(browser.manage().getCookieNamed(UiSession.COOKIE), "logout removes the session cookie");
        assertTrue(text(".notice").contains("abgemeldet"), text("main"));
        browser.get(server.getURL() + ApplicationPages.PATH);
        waitForUrl("/ui/login");

        // someone who copied the cookie before the logout puts it back
        browser.manage().addCookie(new Cookie(session.getName(), session.getValue(), "/"));
        browser.get(server.getURL() + ApplicationPages.PATH);
        String landed = browser.getCurrentUrl();
        // logout raised the account's session generation: the copied token opens nothing any more
        assertTrue(landed.contains("/ui/login"), "the old session token no longer works: " + landed);
    }

    @Test
    void swaggerUiRunsUnderItsOwnPolicy() {
        browser.get(server.getURL() + "/swagger-ui/index.html");
        // the operations of the API appear once the inline start script has loaded the document
        assertTrue(browser.findElement(By.cssSelector(".opblock-summary-path")).getText().startsWith("/"));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations);
    }

    private void login(Account account) {
        browser.get(server.getURL() + "/ui/login");
        type("username", account.username());
        type("password", TestApi.PASSWORD);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    }

    private void logout() {
        browser.findElement(By.cssSelector("header form button[type=submit]")).click();
        waitForUrl("/ui/login");
    }


    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
