package fr.academie.gateway.browser;

import fr.academie.common.date.FrenchDates;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Totp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Mot de passe oublié ?" on a phone and a tablet, as a person who cannot sign in walks it: from the portal's
 * sign-in page to her NUMEN and date of birth, a new password, and her portal, where the letter that tells of the
 * reset waits in her mailbox. Every Keycloak page on the way fits the screen and passes axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class LostPasswordInChromiumTest {

    private static final String NUMEN = "07E0499999CES";
    private static final String BIRTH = "1986-10-04";
    private static final String NEW_PASSWORD = "Rentree-Septembre-2027!";
    private static final String PAGE = "document.querySelector('portail-app').shadowRoot"
            + ".querySelector('page-messagerie').shadowRoot";

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
    void aPersonWhoForgotHerPasswordGetsBackInWithHerNumenAndIsToldInHerMailbox(Screen screen) {
        TestStack.Account camille = TestStack.get().newAccount(Map.of("numen", NUMEN, "dateNaissance", BIRTH), "personnel");
        browser = PortalPages.withAnAddressOfItsOwn();
        screen.emulate(browser);
        browser.get(gateway.resolve("/messagerie").toString());
        screen.assertFits(browser, "la page de connexion");

        browser.findElement(By.partialLinkText("Mot de passe oubli")).click();
        waitForPage("Mot de passe oublié ?");
        screen.assertFits(browser, "Mot de passe oublié");
        browser.findElement(By.id("username")).sendKeys(camille.username());
        browser.findElement(By.id("kc-form-buttons")).click();

        waitForPage("Confirmez votre identité");
        screen.assertFits(browser, "Confirmez votre identité");
        browser.findElement(By.id("kc-preuve-continuer")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> !d.findElements(By.id("input-error-numen")).isEmpty());
        assertEquals("Saisissez votre NUMEN.", browser.findElement(By.id("input-error-numen")).getText());
        assertEquals("Saisissez votre date de naissance.", browser.findElement(By.id("input-error-naissance")).getText());
        screen.assertFits(browser, "Confirmez votre identité, champs manquants");

        browser.findElement(By.id("numen")).sendKeys(NUMEN.toLowerCase());
        PortalPages.script(browser, "document.getElementById('naissance').value = arguments[0]", BIRTH);
        browser.findElement(By.id("kc-preuve-continuer")).click();

        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> !d.findElements(By.id("password-new")).isEmpty());
        screen.assertFits(browser, "le nouveau mot de passe");
        // the rules are there before she types, and each is ticked as soon as it is met
        assertEquals(List.of("au moins 12 caractères (pas encore)", "une majuscule (pas encore)", "une minuscule (pas encore)",
                "un chiffre (pas encore)", "un caractère spécial (par exemple ! ? # -) (pas encore)",
                "et les deux saisies doivent être identiques. (pas encore)"), rules(false));
        browser.findElement(By.id("password-new")).sendKeys("rentree");
        assertEquals(List.of("une minuscule"), rules(true));
        browser.findElement(By.id("password-new")).clear();
        browser.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
        assertEquals(5, rules(true).size(), "all but the second entry: " + rules(true));
        browser.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
        assertEquals(6, rules(true).size());
        browser.findElement(By.cssSelector("#kc-passwd-update-form button[type=submit], #kc-passwd-update-form input[type=submit]")).click();

        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(30),
                d -> d.getCurrentUrl().equals(gateway.resolve("/messagerie").toString())
                        && PortalPages.text(d, PAGE + ".querySelector('ul.messages')")
                                .contains("Le mot de passe de votre compte académique a été réinitialisé"));
    }

    /**
     * The other way: on her account page she registers a personal address and confirms it with the code sent there;
     * the day she forgets her password, a code sent there lets her choose another, and the letter that tells of the
     * reset reaches that address too.
     */
    @Test
    void aPersonGetsBackInWithACodeSentToTheRecoveryAddressSheConfirmedOnHerAccountPage() {
        TestStack.Account lena = TestStack.get().newAccount("personnel");
        String address = "lena.perso-" + System.nanoTime() + "@exemple.fr";
        browser = PortalPages.signIn(gateway, lena.username(), "/compte");
        Screen.PHONE.emulate(browser);
        String card = "document.querySelector('portail-app').shadowRoot.querySelector('page-compte').shadowRoot"
                + ".querySelector('compte-secours').shadowRoot";
        PortalPages.waitFor(browser, card, Duration.ofSeconds(20),
                d -> PortalPages.text(d, card + ".querySelector('#rappel-secours')").contains("pas encore d'adresse de secours"));
        PortalPages.script(browser, "return " + card + ".querySelector('#adresse-secours').focus()");
        browser.switchTo().activeElement().sendKeys("lena@ac-orleans-tours.fr", Keys.ENTER);
        PortalPages.waitFor(browser, card, Duration.ofSeconds(20),
                d -> PortalPages.text(d, card + ".querySelector('#erreur-adresse')").contains("hors de l'académie"));
        Screen.PHONE.assertFits(browser, "Mon compte, une adresse de l'académie refusée");
        PortalPages.script(browser, "const field = " + card + ".querySelector('#adresse-secours'); field.value = '';"
                + " field.focus()");
        browser.switchTo().activeElement().sendKeys(address, Keys.ENTER);
        PortalPages.waitFor(browser, card, Duration.ofSeconds(20),
                d -> PortalPages.text(d, card + ".querySelector('#code-envoye')").contains(address));
        assertEquals("code-secours", PortalPages.script(browser, "return " + card + ".activeElement.id"),
                "the code's field has the focus");
        Screen.PHONE.assertFits(browser, "Mon compte, le code de confirmation attendu");
        browser.switchTo().activeElement().sendKeys(TestStack.get().stack().smtp().awaitMessage(address, 1).code(), Keys.ENTER);
        PortalPages.waitFor(browser, card, Duration.ofSeconds(20),
                d -> PortalPages.text(d, card + ".querySelector('#adresse-confirmee')").equals(address));
        assertTrue(PortalPages.text(browser, card).contains("vérifiée le " + FrenchDates.day(Instant.now())), PortalPages.text(browser, card));
        browser.quit();

        browser = PortalPages.withAnAddressOfItsOwn();
        Screen.PHONE.emulate(browser);
        browser.get(gateway.resolve("/").toString());
        browser.findElement(By.partialLinkText("Mot de passe oubli")).click();
        browser.findElement(By.id("username")).sendKeys(lena.username());
        browser.findElement(By.id("kc-form-buttons")).click();
        waitForPage("Confirmez votre identité");
        browser.findElement(By.id("kc-code-secours-envoyer")).click();
        waitForPage("Saisissez le code reçu");
        Screen.PHONE.assertFits(browser, "Saisissez le code reçu");
        assertEquals("one-time-code", browser.findElement(By.id("code")).getAttribute("autocomplete"));
        browser.findElement(By.id("code")).sendKeys(TestStack.get().stack().smtp().awaitMessage(address, 2).code());
        browser.findElement(By.id("kc-code-continuer")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> !d.findElements(By.id("password-new")).isEmpty());
        browser.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("#kc-passwd-update-form button[type=submit], #kc-passwd-update-form input[type=submit]")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(30),
                d -> d.getCurrentUrl().equals(gateway.resolve("/").toString()));

        // the third message at her address (after the two codes): the letter that tells of the reset, with where from
        assertTrue(TestStack.get().stack().smtp().awaitMessage(address, 3).text().contains("adresse IP : "));
    }

    @Test
    void aProfileWithASecondFactorEnrolsAndLaterProvesItOnAPhone() {
        TestStack.Account head = TestStack.get().newAccount(Map.of("numen", NUMEN, "dateNaissance", BIRTH, "uai", "0450042K"),
                "personnel", "chef-etablissement");
        browser = PortalPages.withAnAddressOfItsOwn();
        Screen.PHONE.emulate(browser);
        browser.get(gateway.resolve("/").toString());
        browser.findElement(By.id("username")).sendKeys(head.username());
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> !d.findElements(By.id("kc-totp-settings-form")).isEmpty());
        Screen.PHONE.assertFits(browser, "l'activation de la double authentification");
        PortalPages.secondFactor(browser, head.username());
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> d.getCurrentUrl().equals(gateway.resolve("/").toString()));
        browser.quit();

        browser = PortalPages.withAnAddressOfItsOwn();
        Screen.PHONE.emulate(browser);
        browser.get(gateway.resolve("/").toString());
        browser.findElement(By.partialLinkText("Mot de passe oubli")).click();
        browser.findElement(By.id("username")).sendKeys(head.username());
        browser.findElement(By.id("kc-form-buttons")).click();
        waitForPage("Confirmez votre identité");
        browser.findElement(By.id("numen")).sendKeys(NUMEN);
        PortalPages.script(browser, "document.getElementById('naissance').value = arguments[0]", BIRTH);
        browser.findElement(By.id("kc-preuve-continuer")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20), d -> !d.findElements(By.id("otp")).isEmpty());
        Screen.PHONE.assertFits(browser, "le code de double authentification");
        browser.findElement(By.id("otp")).sendKeys(Totp.nextCode(head.username()));
        browser.findElement(By.id("kc-login")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> !d.findElements(By.id("password-new")).isEmpty());
    }

    @Test
    void anUnknownIdentifierMeetsTheSamePagesAndTheSameRefusal() {
        TestStack.Account camille = TestStack.get().newAccount(Map.of("numen", NUMEN, "dateNaissance", BIRTH), "personnel");
        String known = refusal(camille.username());
        String unknown = refusal("personne.inconnue@ac-orleans-tours.fr");
        assertTrue(known.startsWith("Ces informations ne permettent pas de confirmer votre identité."), known);
        assertEquals(known, unknown);
    }

    /** The refusal shown after a wrong date of birth for this identifier. */
    private String refusal(String identifier) {
        if (browser != null) {
            browser.quit();
        }
        browser = PortalPages.withAnAddressOfItsOwn();
        browser.get(gateway.resolve("/").toString());
        browser.findElement(By.partialLinkText("Mot de passe oubli")).click();
        browser.findElement(By.id("username")).sendKeys(identifier);
        browser.findElement(By.id("kc-form-buttons")).click();
        waitForPage("Confirmez votre identité");
        browser.findElement(By.id("numen")).sendKeys(NUMEN);
        PortalPages.script(browser, "document.getElementById('naissance').value = '1990-01-01'");
        browser.findElement(By.id("kc-preuve-continuer")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> !d.findElements(By.className("kc-feedback-text")).isEmpty());
        return browser.findElement(By.className("kc-feedback-text")).getText();
    }

    /** The password rules shown, as read (met ones only, without their state; or all, with it). */
    @SuppressWarnings("unchecked")
    private List<String> rules(boolean metOnly) {
        return (List<String>) PortalPages.script(browser, "return [...document.querySelectorAll('#regles-mot-de-passe li')]"
                + (metOnly ? ".filter(li => li.classList.contains('respectee')).map(li => li.firstChild.textContent.trim())"
                : ".map(li => li.textContent.replace(/\\s+/g, ' ').trim())"));
    }

    private void waitForPage(String title) {
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(20),
                d -> PortalPages.text(d, "document.querySelector('h1')").strip().equals(title));
    }
}
