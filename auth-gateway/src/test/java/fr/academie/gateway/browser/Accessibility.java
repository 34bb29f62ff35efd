package fr.academie.gateway.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (Deque's engine, the {@code axe.min.js} of {@code com.deque.html.axe-core:selenium}) run in the page as it
 * is, shadow roots included: a screen passes with no critical or serious violation (WCAG 2.1 A and AA rules).
 */
final class Accessibility {

    private static final String AXE = read();

    private Accessibility() {
    }

    /** Fails naming each critical or serious violation: its rule, why, and the elements (their selectors). */
    static void assertNoSeriousViolation(WebDriver browser, String screen) {
        assertNoSeriousViolation(browser, screen, 10);
    }

    /** The same for a page so short that fewer rules apply to it (at least {@code rules} must have run and passed). */
    @SuppressWarnings("unchecked")
    static void assertNoSeriousViolation(WebDriver browser, String screen, int rules) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe !== 'undefined'"))) {
            page.executeScript(AXE);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> result = (Map<String, Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    resultTypes: ['violations'] })
                  .then((r) => done({ passed: r.passes.length,
                    violations: r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
                      .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) })) }))
                  .catch((e) => done({ passed: 0, violations: [{ id: 'axe-error', help: String(e) }] }));""");
        assertEquals(List.of(), result.get("violations"), screen + ": no critical or serious accessibility violation (axe-core)");
        assertTrue(((Number) result.get("passed")).intValue() >= rules, screen + ": axe-core checked the page ("
                + result.get("passed") + " rules passed)");
    }

    private static String read() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
