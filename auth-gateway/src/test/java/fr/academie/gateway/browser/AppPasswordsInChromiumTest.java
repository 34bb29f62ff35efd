package fr.academie.gateway.browser;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Léna makes an application password for her tablet on "Mon compte", with the keyboard: she reads it once, finds it
 * listed (never shown again), and revokes it. The section fits a phone and passes axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class AppPasswordsInChromiumTest {

    private static final String PAGE = "document.querySelector('portail-app').shadowRoot.querySelector('page-compte').shadowRoot";
    private static final String SECTION = PAGE + ".querySelector('section[aria-labelledby=\"titre-mots-de-passe\"]')";

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
    void lenaMakesAPasswordForHerTabletReadsItOnceAndRevokesIt() {
        TestStack.Account lena = TestStack.get().newAccount("personnel");
        browser = PortalPages.signIn(gateway, lena.username(), "/compte");
        waitFor(d -> PortalPages.text(d, SECTION).contains("Aucun mot de passe d'application"));

        PortalPages.script(browser, "return " + SECTION + ".querySelector('input[name=appareil]').focus()");
        browser.switchTo().activeElement().sendKeys("Tablette de Léna", Keys.ENTER);
        waitFor(d -> PortalPages.text(d, PAGE + ".querySelector('#mot-de-passe-cree')").contains("Tablette de Léna"));
        String secret = PortalPages.text(browser, PAGE + ".querySelector('#mot-de-passe-cree .secret')").strip();
        assertTrue(secret.matches("[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}"), secret);
        waitFor(d -> PortalPages.text(d, SECTION + ".querySelector('.mots')").contains("jamais utilisé"));
        assertEquals(List.of("Tablette de Léna"), PortalPages.mailApi(lena).get("/app-passwords").then().statusCode(200)
                .extract().jsonPath().getList("items.name"));
        Accessibility.assertNoSeriousViolation(browser, "Mon compte, un mot de passe d'application créé");

        browser.manage().window().setSize(new Dimension(390, 844));
        Number right = (Number) PortalPages.script(browser, "return " + SECTION + ".getBoundingClientRect().right");
        assertTrue(right.doubleValue() <= 390, "the section fits a phone: " + right);

        PortalPages.script(browser, "return " + PAGE + ".querySelector('#mot-de-passe-cree button').click()");
        waitFor(d -> PortalPages.text(d, SECTION).indexOf(secret) < 0); // once noted, never shown again
        PortalPages.script(browser, "return " + SECTION + ".querySelector('.mots button').click()");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        waitFor(d -> PortalPages.text(d, SECTION).contains("Aucun mot de passe d'application"));
        assertEquals(List.of(), PortalPages.mailApi(lena).get("/app-passwords").then().statusCode(200)
                .extract().jsonPath().getList("items"));
    }

    @Test
    void theSetUpPageGivesEachClientsStepsAndTheServersOfTheAutoconfigDocument() {
        TestStack.Account lena = TestStack.get().newAccount("personnel");
        browser = PortalPages.signIn(gateway, lena.username(), "/messagerie/configurer");
        String setup = "document.querySelector('portail-app').shadowRoot.querySelector('page-configurer').shadowRoot";
        PortalPages.waitFor(browser, setup, Duration.ofSeconds(20),
                d -> PortalPages.text(d, setup + ".querySelector('#reglages')").contains("port"));
        String settings = PortalPages.text(browser, setup + ".querySelector('#reglages')");
        assertTrue(settings.contains("port " + TestStack.get().stack().imapTlsPort() + ", chiffrement SSL/TLS")
                && settings.contains("port " + TestStack.get().stack().submissionPort() + ", STARTTLS")
                && settings.contains(lena.email()), settings);
        String page = PortalPages.text(browser, setup);
        assertTrue(page.contains("Thunderbird") && page.contains("Outlook") && page.contains("iPhone et iPad")
                && page.contains("Android") && page.contains("Verrouillez-le"), page);
        Accessibility.assertNoSeriousViolation(browser, "Configurer un logiciel de messagerie");
        browser.manage().window().setSize(new Dimension(390, 844));
        Number right = (Number) PortalPages.script(browser, "return " + setup + ".querySelector('#reglages')"
                + ".getBoundingClientRect().right");
        assertTrue(right.doubleValue() <= 390, "the settings fit a phone: " + right);
    }

    private void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, PAGE, Duration.ofSeconds(20), condition);
    }
}
