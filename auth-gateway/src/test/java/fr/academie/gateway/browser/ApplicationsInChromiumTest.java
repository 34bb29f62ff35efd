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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher who entered Pronote reads on "Mon compte" what Pronote and the portal receive about her, and closes her
 * Pronote sessions with a button; the section fits a phone and passes axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class ApplicationsInChromiumTest {

    private static final String PAGE = "document.querySelector('portail-app').shadowRoot.querySelector('page-compte').shadowRoot";
    private static final String SECTION = PAGE + ".querySelector('section[aria-labelledby=\"titre-applications\"]')";
    private static final String PRONOTE = SECTION + ".querySelector('[data-application=\"pronote\"]')";

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
    void sheReadsWhatEachApplicationReceivesAndClosesHerPronoteSessions() {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        TestStack.get().accessToken("pronote", teacher.username()); // Pronote, on another computer
        browser = PortalPages.signIn(gateway, teacher.username(), "/compte");
        waitFor(d -> PortalPages.text(d, PRONOTE).contains("une session ouverte"));
        String pronote = PortalPages.text(browser, PRONOTE);
        assertTrue(pronote.contains("Reçoit : Votre identité") && pronote.contains("rien d'autre")
                && pronote.matches("(?s).*Dernière connexion le \\d{1,2} [a-zéû]+ \\d{4}.*"), pronote);
        assertTrue(PortalPages.text(browser, SECTION + ".querySelector('[data-application=\"portail\"]')")
                .contains("quittez-le par « Se déconnecter »"));
        Accessibility.assertNoSeriousViolation(browser, "Mon compte, les applications");

        browser.manage().window().setSize(new Dimension(390, 844));
        Number right = (Number) PortalPages.script(browser, "return " + SECTION + ".getBoundingClientRect().right");
        assertTrue(right.doubleValue() <= 390, "the section fits a phone: " + right);
        Number height = (Number) PortalPages.script(browser, "return " + PRONOTE + ".querySelector('button')"
                + ".getBoundingClientRect().height");
        assertTrue(height.doubleValue() >= 44, "a finger finds the button: " + height);

        PortalPages.script(browser, "return " + PRONOTE + ".querySelector('button').click()");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        waitFor(d -> PortalPages.text(d, PAGE + ".querySelector('.info')").contains("Vos sessions dans Pronote sont fermées")
                && PortalPages.text(d, PRONOTE).contains("aucune session ouverte"));
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, PAGE, Duration.ofSeconds(20), condition);
    }
}
