package fr.academie.gateway.browser;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main flows with the keyboard alone (RGAA 4 / WCAG 2.1.1), as a person who uses no mouse walks them: she signs
 * in, skips the header, reaches her pages from the menu, writes and deletes a CV line and takes it back, and registers
 * a recovery address with its code. Every step is Tab, Shift+Tab, Enter or typing; each control she reaches says what it
 * is (its text or label). The webmail's own keys are tried in {@code WebmailInChromiumTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class KeyboardOnlyInChromiumTest {

    /** The element that has the focus, through the components' shadow roots: {@code TAG#id name} (its text or label). */
    private static final String FOCUSED = """
            let e = document.activeElement;
            while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
            if (!e) { return ''; }
            const label = e.labels && e.labels.length ? e.labels[0].textContent : '';
            const name = (e.getAttribute('aria-label') || e.textContent || label || '').replace(/\\s+/g, ' ').trim();
            return e.tagName + (e.id ? '#' + e.id : '') + ' ' + name;""";

    private static final String CAREER = "document.querySelector('portail-app').shadowRoot.querySelector('page-carriere')"
            + ".shadowRoot";

    @TestHTTPResource("/")
    URI gateway;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void lenaSignsInReachesHerPagesWritesHerCvAndRegistersARecoveryAddressWithTheKeyboardAlone() {
        browser = PortalPages.withAnAddressOfItsOwn();
        browser.get(gateway.resolve("/").toString());
        assertTrue(focused().startsWith("INPUT#username "), "the identifier field has the focus: " + focused());
        type("lmartin", Keys.TAB);
        assertTrue(focused().startsWith("INPUT#password "), focused());
        type(DemoAccounts.PASSWORD, Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().equals(gateway.resolve("/").toString())
                        && PortalPages.text(d, "document.querySelector('portail-app').shadowRoot").contains("Aller au contenu"));

        type(Keys.TAB);
        assertEquals("A Aller au contenu", focused(), "the first stop skips the header");
        type(Keys.ENTER);
        assertTrue(focused().startsWith("MAIN#contenu "), "past the header and the menu: " + focused());
        tabTo("A Ma carrière", false);
        type(Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20), d -> d.getCurrentUrl()
                .equals(gateway.resolve("/carriere").toString()) && PortalPages.text(d, CAREER).contains("Mon CV"));

        // a CV line: written in its labelled field, deleted, taken back with « Annuler » (which has the focus), deleted
        tabTo("INPUT Intitulé", true);
        type("Certification au clavier", Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> PortalPages.text(d, CAREER + ".querySelector('.cv ul')").contains("Certification au clavier"));
        tabTo("BUTTON Supprimer Certification au clavier", false);
        type(Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20), d -> focused().startsWith("BUTTON#cv-annuler "));
        type(Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> PortalPages.text(d, CAREER + ".querySelector('.cv ul')").contains("Certification au clavier")
                        && PortalPages.text(d, CAREER).contains("est rétablie"));
        tabTo("BUTTON Supprimer Certification au clavier", false);
        type(Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20), d -> focused().startsWith("BUTTON#cv-annuler "));

        tabTo("A Mon compte", false);
        type(Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().equals(gateway.resolve("/compte").toString()));
        // the recovery address: its field, Enter, then the code's field, which takes the focus by itself
        String address = "lena.clavier-" + System.nanoTime() + "@exemple.fr";
        tabTo("INPUT#adresse-secours ", true);
        type(address, Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20), d -> focused().startsWith("INPUT#code-secours "));
        type(TestStack.get().stack().smtp().awaitMessage(address, 1).code(), Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> focused().contains("Votre adresse de secours " + address + " est confirmée."));
    }

    /** Presses Tab (or Shift+Tab) until the focus is on the element whose description starts so; at most 80 stops. */
    private void tabTo(String description, boolean forward) {
        List<String> seen = new ArrayList<>();
        for (int stop = 0; stop < 80; stop++) {
            if (forward) {
                type(Keys.TAB);
            } else {
                new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            }
            String now = focused();
            seen.add(now);
            assertTrue(!now.substring(now.indexOf(' ') + 1).isBlank(), "every stop says what it is: " + seen);
            if (now.startsWith(description)) {
                return;
            }
        }
        throw new AssertionError("no « " + description + " » within reach of the keyboard: " + seen);
    }

    private void type(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private String focused() {
        return (String) PortalPages.script(browser, FOCUSED);
    }
}
