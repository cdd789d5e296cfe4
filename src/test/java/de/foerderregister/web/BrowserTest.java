package de.foerderregister.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;

/** A test that drives a headless {@link Chromium}, a fresh one (empty profile) for every test method. */
abstract class BrowserTest {

    Chromium chromium;
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver;
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A click returns before the page it leads to has loaded: waits until the address holds {@code part}. */
    void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(part));
    }
}
