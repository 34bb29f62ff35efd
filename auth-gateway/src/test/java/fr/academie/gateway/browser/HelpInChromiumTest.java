package fr.academie.gateway.browser;

import fr.academie.stack.testing.Chromium;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Assistance" as someone who cannot sign in finds it (no session): every sheet fits a phone and a tablet and passes
 * axe-core; the connection diagnostic finds blocked cookies and a clock three minutes ahead, and passes a well-set
 * browser.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class HelpInChromiumTest {

    /** The device's clock three minutes ahead of the portal's, for every page the browser opens. */
    private static final String CLOCK_AHEAD = """
            (() => {
              const RealDate = Date;
              const ahead = 3 * 60 * 1000;
              window.Date = class extends RealDate {
                constructor(...args) { if (args.length) { super(...args); } else { super(RealDate.now() + ahead); } }
                static now() { return RealDate.now() + ahead; }
              };
            })();""";

    private static final String SUPPORT = "assistance@ac-orleans-tours.fr";

    @TestHTTPResource("/")
    URI gateway;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void everySheetIsOpenToAnyoneAndFitsTheScreen(Screen screen) {
        browser = Chromium.start();
        screen.emulate(browser);
        browser.get(gateway.resolve("/assistance").toString());
        assertEquals("Assistance – Assistance – Portail agents", browser.getTitle());
        screen.assertFits(browser, "Assistance");
        @SuppressWarnings("unchecked")
        List<String> sheets = (List<String>) PortalPages.script(browser,
                "return [...document.querySelectorAll('ul.fiches a')].map(a => a.getAttribute('href'))");
        assertTrue(sheets.size() >= 8 && sheets.contains("/assistance/diagnostic"), sheets.toString());
        for (String sheet : sheets) {
            browser.get(gateway.resolve(sheet).toString());
            assertEquals(gateway.resolve(sheet).toString(), browser.getCurrentUrl(), "no sign-in asked for " + sheet);
            waitFor(d -> !d.findElement(By.tagName("h1")).getText().isBlank());
            screen.assertFits(browser, sheet);
        }
    }

    @Test
    void theDiagnosticFindsBlockedCookiesAndAClockThreeMinutesAhead() {
        browser = Chromium.startBlockingCookies();
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CLOCK_AHEAD));
        browser.get(gateway.resolve("/assistance/diagnostic").toString());
        waitFor(d -> !line("horloge").contains("vérification"));
        assertEquals("✔ JavaScript : activé.", line("javascript"));
        assertEquals("✖ Cookies : bloqués : la connexion ne peut pas garder votre session. Que faire ?", line("cookies"));
        assertEquals("/assistance/cookies", browser.findElement(By.cssSelector("#cookies a")).getAttribute("pathname"));
        assertEquals("✖ Horloge de l'appareil : en avance de 3 minutes sur celle du portail : les codes à usage unique"
                + " seront refusés. Que faire ?", line("horloge"));
        assertTrue(browser.findElement(By.id("reference")).getText().matches("DIAG-[0-9A-F]{8}"));
        Accessibility.assertNoSeriousViolation(browser, "Diagnostic, cookies bloqués", 8);

        // Keycloak's cookies, by a visit through it and back
        browser.findElement(By.cssSelector("#cookies-authentification a")).click();
        waitFor(d -> d.getCurrentUrl().contains("keycloak=") && !line("horloge").contains("vérification"));
        assertEquals("✖ Cookies du service d'authentification : bloqués : la page de connexion ne pourra pas garder votre"
                + " identifiant. Que faire ?", line("cookies-authentification"));
    }

    /**
     * Nadia, whose cookies are blocked, sends the help desk her diagnostic from her phone: a missing address is named
     * under its field, then the mail reaches the help desk's mailbox with her words, the verdicts and the reference.
     */
    @Test
    void thePersonSendsHerDiagnosticToTheHelpDeskFromAPhone() {
        browser = Chromium.startBlockingCookies();
        Screen.PHONE.emulate(browser);
        browser.get(gateway.resolve("/assistance/diagnostic").toString());
        waitFor(d -> !line("horloge").contains("vérification"));
        String reference = browser.findElement(By.id("reference")).getText();
        browser.findElement(By.id("contact-identifiant")).sendKeys("nbernard");
        browser.findElement(By.id("contact-message")).sendKeys("La page de connexion dit « Veuillez activer les cookies ».");
        browser.findElement(By.cssSelector("#contact button[type=submit]")).click();
        waitFor(d -> !d.findElements(By.id("erreur-adresse")).isEmpty());
        assertEquals("Indiquez une adresse électronique où l'assistance pourra vous répondre.",
                browser.findElement(By.id("erreur-adresse")).getText());
        assertEquals("contact-adresse", browser.switchTo().activeElement().getAttribute("id"), "the field has the focus");
        Screen.PHONE.assertFits(browser, "Contacter l'assistance, adresse manquante");

        browser.findElement(By.id("contact-adresse")).sendKeys("nadia.perso@exemple.fr");
        browser.findElement(By.cssSelector("#contact button[type=submit]")).click();
        waitFor(d -> line("contact-resultat").contains(reference));
        assertEquals("Votre demande est envoyée à l'assistance (référence " + reference + ") : la réponse arrivera à "
                + "nadia.perso@exemple.fr.", line("contact-resultat"));
        Screen.PHONE.assertFits(browser, "Contacter l'assistance, demande envoyée");
        String mail = TestStack.get().stack().smtp().awaitMessage(SUPPORT, reference).text();
        assertTrue(mail.contains(reference) && mail.contains("nadia.perso@exemple.fr") && mail.contains("nbernard")
                && mail.contains("Reply-To: nadia.perso@exemple.fr"), mail);
    }

    @Test
    void aWellSetBrowserPassesEveryCheck() {
        browser = Chromium.start();
        browser.get(gateway.resolve("/assistance/diagnostic").toString());
        waitFor(d -> !line("horloge").contains("vérification"));
        assertTrue(line("cookies-authentification").contains("vérifier"), "Keycloak's cookies wait for their visit");
        browser.findElement(By.cssSelector("#cookies-authentification a")).click();
        waitFor(d -> d.getCurrentUrl().equals(gateway.resolve("/assistance/diagnostic?keycloak=acceptes").toString())
                && !line("horloge").contains("vérification"));
        assertEquals(List.of(), PortalPages.script(browser,
                "return [...document.querySelectorAll('ul.diagnostic li:not(.bon)')].map(li => li.textContent)"));
        assertTrue(line("navigateur").matches("✔ Navigateur : Chrome \\d+\\."), line("navigateur"));
        assertEquals("✔ Horloge de l'appareil : à l'heure.", line("horloge"));
    }

    private String line(String id) {
        return browser.findElement(By.id(id)).getText().replaceAll("\\s+", " ").trim();
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20), condition);
    }
}
