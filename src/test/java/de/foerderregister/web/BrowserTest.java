package de.foerderregister.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;

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
}
