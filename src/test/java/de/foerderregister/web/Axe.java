package de.foerderregister.web;

import org.openqa.selenium.JavascriptExecutor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The axe-core accessibility engine, injected into the page the browser shows and run for the
 * WCAG 2.1 A and AA rules (what BITV 2.0 asks through EN 301 549) and axe's best practices. The script comes from
 * {@code AXE_CORE_JS} when set (.ci/run installs it), else from target/axe, installed there with
 * npm at the version the pom names when npm is at hand.
 */
final class Axe {

    /** WCAG 2.1 A and AA, and axe's best practices: one main landmark, headings in order, content in landmarks. */
    static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final Path INSTALLED = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    private static String script;

    private Axe() {
    }

    /** The rule violations on the current page, one line each: rule, impact, help, and the elements. */
    @SuppressWarnings("unchecked")
    static List<String> violations(JavascriptExecutor browser) {
        browser.executeScript(script());
        Object found = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ') + ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']').join('; '))))
                  .catch(error => done(['axe failed: ' + error]));
                """, RULES);
        return (List<String>) found;
    }

    private static synchronized String script() {
        if (script == null) {
            try {
                script = Files.readString(location(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static Path location() throws IOException {
        String given = System.getenv("AXE_CORE_JS");
        if (given != null && !given.isBlank()) {
            if (!Files.isReadable(Path.of(given))) {
                Chromium.missing("AXE_CORE_JS names no readable file: " + given);
            }
            return Path.of(given);
        }
        if (!Files.isReadable(INSTALLED)) {
            install();
        }
        return INSTALLED;
    }

    private static void install() throws IOException {
        String version = System.getProperty("axe-core.version");
        boolean npm = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "npm")));
        if (version == null || !npm) {
            Chromium.missing("axe-core is not installed (" + INSTALLED + ") and npm or the pom's axe-core.version is"
                    + " missing; install it with: npm install --prefix target/axe axe-core@<version>");
        }
        Process process = new ProcessBuilder("npm", "install", "--prefix", "target/axe", "--no-save", "--no-audit",
                "--no-fund", "axe-core@" + version).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isReadable(INSTALLED)) {
                process.destroy();
                Chromium.missing("npm could not install axe-core@" + version + " into target/axe");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
