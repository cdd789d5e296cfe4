package de.foerderregister.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium driven by its chromedriver; no driver is ever downloaded. Without the
 * browser the calling test is skipped, except under CI=true, where a missing browser is a failure.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    /** Where the browser tests leave their PNGs, for a look by a person (and the issue notes). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            missing("headless Chromium not found (" + BINARY + ", " + DRIVER
                    + "); install it with: apt-get install -y chromium chromium-driver");
        }
        // the driver's path is given, so Selenium Manager never looks for (or downloads) one
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory("foerderregister-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024", "--user-data-dir=" + profile);
        // the console log shows whether the Content-Security-Policy blocked anything
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // a form post returns before the next page has rendered on a busy machine: elements are waited for
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver, profile);
    }

    /** Skips the test by assumption, or fails it under CI=true, where everything it needs is installed. */
    static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        Assumptions.assumeTrue(false, "browser tests skipped: " + message);
    }

    /** Downloads go to the folder without asking, as a person's browser saves them to "Downloads". */
    void downloadTo(Path folder) {
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
    }

    /**
     * Waits for the one download ending in {@code suffix} to be complete and answers it. Chromium reserves the
     * final name with an empty file and writes into a {@code .crdownload} beside it until it renames that
     * over the placeholder, so the name alone is no sign of a finished download.
     */
    Path awaitDownload(Path folder, String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(browser -> {
            try (var files = Files.list(folder)) {
                List<Path> present = files.toList();
                if (present.stream().anyMatch(file -> file.getFileName().toString().endsWith(".crdownload"))) {
                    return null;
                }
                for (Path file : present) {
                    if (file.getFileName().toString().endsWith(suffix) && Files.size(file) > 0) {
                        return file;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** The viewport as a phone or a 1280 px screen at 400 % zoom lays the page out (CSS pixels). */
    void viewportWidth(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    }

    void fullViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Saves what the browser shows now as target/screenshots/{name}.png; answers its path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
