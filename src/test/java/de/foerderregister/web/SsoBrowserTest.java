package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.security.TestProviders;
import de.foerderregister.security.UsesTestProviders;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journey in a real headless Chromium: a FITKO user clicks the organisation-account button, signs in on the
 * provider's own login page (mock-oauth2-server's interactive form, whose groups the user's directory would hold),
 * lands on the queue, and logs out through the provider's end-session endpoint back to the login page. The login
 * page with its buttons and the refusal page pass axe-core (WCAG 2.1 AA), and the Content Security Policy blocks
 * nothing on the way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoBrowserTest extends BrowserTest implements UsesTestProviders {

    final TestProviders providers = new TestProviders(true);

    @Inject
    TestApi api;

    @Inject
    EmbeddedServer server;

    @Override
    public TestProviders providers() {
        return providers;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = providers.properties();
        // the provider sends the browser back to the registry's public address after its logout
        int port = freePort();
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("registry.public-url", "http://localhost:" + port);
        return properties;
    }

    @Test
    void aFitkoUserSignsInAtTheProviderAndLogsOutThroughIt() throws Exception {
        browser.get(server.getURL() + "/ui/login");
        List<String> findings = new ArrayList<>(Axe.violations(browser).stream().map(found -> "login: " + found).toList());
        chromium.screenshot("sso-login");

        browser.findElement(By.id("sso-" + TestProviders.FITKO)).click();
        String subject = api.unique("browser");
        WebElement username = browser.findElement(By.name("username"));
        username.sendKeys(subject);
        browser.findElement(By.name("claims")).sendKeys("{\"groups\": [\"" + TestProviders.FITKO_GROUP + "\"]}");
        browser.findElement(By.cssSelector("input[type=submit]")).click();

        waitForUrl("/ui/queue");
        assertTrue(browser.findElement(By.cssSelector("header")).getText().contains("fitko." + subject),
                browser.findElement(By.cssSelector("header")).getText());
        assertTrue(browser.manage().getCookieNamed(UiSession.COOKIE) != null);

        browser.findElement(By.cssSelector("header form button[type=submit]")).click();
        waitForUrl("loggedOut=true");
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().contains("abgemeldet"));
        assertEquals(null, browser.manage().getCookieNamed(UiSession.COOKIE));
        assertTrue(providerSaw("/" + TestProviders.FITKO + "/endsession"), "the logout went through the provider");

        // a user the registry has no role for ends on a page that says so
        browser.findElement(By.id("sso-" + TestProviders.FITKO)).click();
        browser.findElement(By.name("username")).sendKeys(api.unique("unbekannt"));
        browser.findElement(By.name("claims")).sendKeys("{\"groups\": [\"/andere/anwendung\"]}");
        browser.findElement(By.cssSelector("input[type=submit]")).click();
        waitForUrl("/ui/sso/callback/");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("keiner Rolle"),
                browser.findElement(By.tagName("main")).getText());
        findings.addAll(Axe.violations(browser).stream().map(found -> "refused: " + found).toList());
        chromium.screenshot("sso-refused");

        assertEquals(List.of(), findings);
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") && message.contains(server.getURL().getHost()))
                .toList();
        assertEquals(List.of(), blocked);
    }

    private boolean providerSaw(String path) throws InterruptedException {
        for (RecordedRequest request = providers.server.takeRequest(1, TimeUnit.SECONDS); request != null;
             request = providers.server.takeRequest(1, TimeUnit.SECONDS)) {
            if (request.getPath() != null && request.getPath().startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
