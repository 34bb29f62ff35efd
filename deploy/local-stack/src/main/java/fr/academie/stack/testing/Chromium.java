package fr.academie.stack.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium driven by its chromedriver through Selenium, for the tests that need a real
 * browser (JavaScript, cookies, the SPA). Without the two packages the test is skipped with the command that
 * installs them; {@code .ci/run} sets {@code PORTAIL_REQUIRE_BROWSER=1}, which turns that skip into a failure.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh browser (empty profile), in French. */
    public static ChromeDriver start() {
        return start(false);
    }

    /** A fresh browser that refuses every cookie, as a person's locked-down settings would. */
    public static ChromeDriver startBlockingCookies() {
        return start(true);
    }

    private static ChromeDriver start(boolean blockCookies) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // the flags this machine needs: no sandbox as root, and no background calls to Google's hosts,
        // which the closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=fr-FR", "--window-size=1280,900",
                "--user-data-dir=" + profile());
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", "fr-FR,fr",
                "profile.default_content_setting_values.cookies", blockCookies ? 2 : 1));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void requireInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "Browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
        if ("1".equals(System.getenv("PORTAIL_REQUIRE_BROWSER"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private static Path profile() {
        try {
            return Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
