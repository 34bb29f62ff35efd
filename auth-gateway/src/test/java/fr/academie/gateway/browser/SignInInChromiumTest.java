package fr.academie.gateway.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.KeycloakAdmin;
import fr.academie.stack.testing.Chromium;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import fr.academie.stack.testing.Totp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in with a real browser: Keycloak's themed form, the SPA under the gateway's strict CSP, blocked cookies. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class SignInInChromiumTest {

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
    void lenaSignsInOnTheAcademiePageAndSeesHerPortalWithNoPolicyViolation() {
        browser = Chromium.start();
        browser.get(gateway.resolve("/messagerie").toString());
        assertEquals("Connexion – Portail agents – ac-orleans-tours.fr", browser.getTitle());
        assertTrue(browser.findElement(By.id("identifiant-aide")).getText().contains("(ex. lmartin)"));

        typePassword("lmartin");
        assertSignedInAs("Léna Martin", "/messagerie");
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertTrue(violations.isEmpty(), "the SPA runs under the gateway's policy: " + violations);
    }

    /** Sent empty, the sign-in form names each missing field under it, on a phone, and sends nothing to Keycloak. */
    @Test
    void anEmptySignInFormNamesEachMissingField() {
        browser = PortalPages.withAnAddressOfItsOwn();
        Screen.PHONE.emulate(browser);
        browser.get(gateway.resolve("/").toString());
        String signIn = browser.getCurrentUrl();
        browser.findElement(By.id("kc-login")).click();
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(10),
                d -> !d.findElements(By.id("input-error-password")).isEmpty());
        assertEquals("Saisissez votre identifiant.", browser.findElement(By.id("input-error-username")).getText());
        assertEquals("Saisissez votre mot de passe.", browser.findElement(By.id("input-error-password")).getText());
        assertEquals("username", browser.switchTo().activeElement().getAttribute("id"), "the first one has the focus");
        assertEquals(signIn, browser.getCurrentUrl(), "nothing was sent");
        Screen.PHONE.assertFits(browser, "la connexion, champs vides");

        browser.findElement(By.id("username")).sendKeys("lmartin", Keys.ENTER);
        PortalPages.waitFor(browser, "document.body", Duration.ofSeconds(10),
                d -> d.findElements(By.id("input-error-username")).isEmpty());
        assertEquals("password", browser.switchTo().activeElement().getAttribute("id"));
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD, Keys.ENTER);
        assertSignedInAs("Léna Martin", "/");
    }

    @Test
    void lenaSeesHerCareerHerNextEchelonCountdownHerWindowsHerTimelineAndWhoReadHerFile() {
        browser = Chromium.start();
        browser.get(gateway.resolve("/carriere").toString());
        typePassword("lmartin");
        assertSignedInAs("Léna Martin", "/carriere");
        Period left = Period.between(LocalDate.now(ZoneId.of("Europe/Paris")), LocalDate.of(2028, 9, 1));
        String inWords = (left.getYears() == 0 ? "" : left.getYears() + (left.getYears() > 1 ? " ans" : " an"))
                + (left.getYears() > 0 && left.getMonths() > 0 ? " et " : "") + (left.getMonths() == 0 ? "" : left.getMonths() + " mois");
        assertEquals("8e échelon le 1er septembre 2028 — dans " + inWords, // not "dans 638 jours"
                waitOrDescribe(driver -> pageText(driver, "page-carriere", ".prochain-echelon .grand")));
        String appraisal = waitOrDescribe(driver -> pageText(driver, "page-carriere", ".rendez-vous"));
        assertTrue(appraisal.contains("Observations sur le compte rendu : encore"), appraisal);
        assertTrue(waitOrDescribe(driver -> pageText(driver, "page-carriere", ".parcours"))
                .contains("Passage au 7e échelon de la classe normale"));
        String readers = waitOrDescribe(driver -> pageText(driver, "page-carriere", ".consultations"));
        assertTrue(readers.contains("Paul Leroy (Chef d'établissement)"), readers);
        assertTrue(waitOrDescribe(driver -> pageText(driver, "page-carriere", ".cv")).contains("CAPES d'histoire-géographie"));

        // a CV line written in labelled fields, deleted at once, brought back by « Annuler », then deleted for good
        String form = pageText(browser, "page-carriere", ".cv-ajout");
        assertTrue(form.contains("Rubrique") && form.contains("Intitulé") && form.contains("Date d'obtention"), form);
        browser.executeScript("document.querySelector('portail-app').shadowRoot.querySelector('page-carriere').shadowRoot"
                + ".querySelector('.cv-ajout input[name=title]').value = 'Certification Pix'");
        clickInPage("page-carriere", ".cv-ajout button[type=submit]");
        waitOrDescribe(driver -> String.valueOf(pageText(driver, "page-carriere", ".cv ul")).contains("Certification Pix") ? true : null);
        clickInPage("page-carriere", ".cv button[aria-label='Supprimer Certification Pix']");
        assertEquals("La ligne « Certification Pix » est supprimée. Annuler", waitOrDescribe(driver ->
                pageText(driver, "page-carriere", "#cv-supprimee")).replaceAll("\\s+", " "));
        assertFalse(pageText(browser, "page-carriere", ".cv ul").contains("Certification Pix"));
        clickInPage("page-carriere", "#cv-annuler");
        waitOrDescribe(driver -> String.valueOf(pageText(driver, "page-carriere", ".cv ul")).contains("Certification Pix")
                && pageText(driver, "page-carriere", "#cv-supprimee") == null ? true : null);
        clickInPage("page-carriere", ".cv button[aria-label='Supprimer Certification Pix']");
        waitOrDescribe(driver -> pageText(driver, "page-carriere", "#cv-supprimee"));
    }

    @Test
    void claireOpensLenasRecordFromTheListOfTheAcademiesAgents() {
        browser = Chromium.start();
        browser.get(gateway.resolve("/carriere").toString());
        typePassword("cdurand");
        secondFactor("cdurand");
        assertSignedInAs("Claire Durand", "/carriere");
        waitOrDescribe(driver -> pageText(driver, "page-carriere", ".equipe a[href*='agent=3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001']"));
        clickInPage("page-carriere", ".equipe a[href*='agent=3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001']");
        waitOrDescribe(driver -> "Dossier de Léna Martin".equals(pageText(driver, "page-carriere", "h1")));
        assertTrue(waitOrDescribe(driver -> pageText(driver, "page-carriere", ".prochain-echelon .grand"))
                .startsWith("8e échelon le 1er septembre 2028"));
        assertEquals(null, pageText(browser, "page-carriere", ".cv form"), "HR reads the CV, only Léna writes it");
    }

    @Test
    void aBrowserThatRefusesCookiesIsToldHowToAllowThemInsteadOfReachingKeycloak() {
        browser = Chromium.startBlockingCookies();
        browser.get(gateway.resolve("/carriere").toString());
        assertEquals("/connexion/cookies", URI.create(browser.getCurrentUrl()).getPath());
        assertEquals("Votre navigateur bloque les cookies du portail", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.getPageSource().contains("ac-orleans-tours.fr"));
    }

    @Test
    void whileKeycloakIsAwayANewVisitorReadsWhyInFrenchOnAPhone() throws Exception {
        TestStack.get().stopKeycloak();
        try {
            Thread.sleep(1_100); // past the gateway's one-second memory of Keycloak answering
            browser = Chromium.start();
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(gateway.resolve("/messagerie").toString());
            assertEquals("Service d'authentification indisponible", browser.findElement(By.tagName("h1")).getText());
            Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertTrue(width.intValue() <= 390, "the page fits a phone: " + width);
            // a title, two paragraphs and a link: fewer of axe-core's rules apply than to a portal page
            Accessibility.assertNoSeriousViolation(browser, "Service d'authentification indisponible", 8);
        } finally {
            TestStack.get().startKeycloak();
        }
    }

    @Test
    void claireEnrolsHerSecondFactorAtFirstSignInThenSignsInAgainWithAFreshCode() {
        TestStack.get().stack().admin().removeCredentials(Keycloak.REALM, DemoAccounts.id("cdurand"), "otp");
        Totp.forget("cdurand");
        browser = Chromium.start();
        browser.get(gateway.resolve("/compte").toString());
        typePassword("cdurand");

        // waited for: a click that submits returns before the next page has loaded on a busy machine (seen in CI)
        assertEquals("Activer la double authentification", wait(browser).until(ExpectedConditions
                .presenceOfElementLocated(By.id("kc-page-title"))).getText());
        String apps = browser.findElement(By.id("kc-totp-supported-apps")).getText();
        assertTrue(apps.contains("FreeOTP") && apps.contains("Google Authenticator"), apps);
        browser.findElement(By.id("mode-manual")).click();
        Totp.remember("cdurand", browser.findElement(By.id("kc-totp-secret-key")).getText());
        browser.findElement(By.id("totp")).sendKeys(Totp.nextCode("cdurand"));
        browser.findElement(By.id("userLabel")).sendKeys("Téléphone professionnel");
        browser.findElement(By.id("saveTOTPBtn")).click();
        assertSignedInAs("Claire Durand", "/compte");

        browser.get(gateway.resolve("/deconnexion").toString());
        wait(browser).until(ExpectedConditions.urlContains("/au-revoir.html"));
        browser.get(gateway.resolve("/compte").toString());
        typePassword("cdurand");
        browser.findElement(By.id("otp")).sendKeys(Totp.nextCode("cdurand"));
        browser.findElement(By.id("kc-login")).click();
        assertSignedInAs("Claire Durand", "/compte");
    }

    @Test
    void lenaSignsOutEverywhereElseFromHerAccountPage() {
        fr.academie.stack.testing.Browser otherComputer = SignedIn.as(gateway, "lmartin");
        browser = Chromium.start();
        browser.get(gateway.resolve("/compte").toString());
        typePassword("lmartin");
        assertSignedInAs("Léna Martin", "/compte");
        String current = wait(browser).until(driver -> accountPage(driver, ".appareil .courant"));
        assertEquals("· cet appareil", current);

        clickInAccountPage("#deconnecter-autres");
        wait(browser).until(ExpectedConditions.alertIsPresent()).accept(); // "Se déconnecter de tous les autres... ?"
        String status = wait(browser).until(driver -> accountPage(driver, ".info"));
        assertTrue(status.contains("fermée"), status);
        assertEquals(401, otherComputer.get(gateway.resolve("/api/me")).statusCode(), "the other computer is signed out");
        assertEquals("Léna Martin", shadowText(browser, "portail-app", "header .nom"));
    }

    @Test
    void anEndedSessionSendsThePersonBackToSignInThenToThePageSheWasGoingTo() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        browser = Chromium.start();
        browser.get(gateway.resolve("/compte").toString());
        typePassword(account.username());
        assertSignedInAs("Camille Essai", "/compte");

        // ended elsewhere (an administrator, "se déconnecter partout" on another computer): Keycloak tells the gateway
        KeycloakAdmin admin = TestStack.get().stack().admin();
        String sessionsPath = "/admin/realms/" + Keycloak.REALM + "/users/" + account.id() + "/sessions";
        fr.academie.stack.testing.Browser sameCookie = new fr.academie.stack.testing.Browser();
        sameCookie.setCookie("q_session", browser.manage().getCookieNamed("q_session").getValue());
        AtomicInteger ended = new AtomicInteger();
        waitOrDescribe(driver -> {
            // Keycloak lists a session a moment after it starts: delete what it lists until it lists none
            JsonNode listed = admin.read(sessionsPath);
            listed.forEach(session -> admin.delete("/admin/realms/" + Keycloak.REALM + "/sessions/" + session.get("id").asText()));
            ended.addAndGet(listed.size());
            return listed.isEmpty() && ended.get() > 0 && sameCookie.get(gateway.resolve("/api/me")).statusCode() == 401;
        });
        // the next API call of the SPA (opening "Mes démarches" without reloading) meets a 401
        browser.executeScript("document.querySelector('portail-app').shadowRoot.querySelector('nav a[href=\"/demarches\"]').click();");

        waitOrDescribe(ExpectedConditions.titleIs("Connexion – Portail agents – ac-orleans-tours.fr"));
        typePassword(account.username());
        assertSignedInAs("Camille Essai", "/demarches");
    }

    @Test
    void signedInToThePortalLenaOpensPronoteWithoutSigningInAgain() {
        browser = Chromium.start();
        browser.get(gateway.resolve("/").toString());
        typePassword("lmartin");
        assertSignedInAs("Léna Martin", "/");
        // Pronote does not run here: for this test its return address is a page of the gateway (a 404 that loads)
        KeycloakAdmin admin = TestStack.get().stack().admin();
        ObjectNode client = (ObjectNode) admin.client(Keycloak.REALM, "pronote");
        ObjectNode asShipped = client.deepCopy();
        String pronoteHere = gateway.resolve("/pronote-essai").toString();
        ((ArrayNode) client.get("redirectUris")).add(pronoteHere);
        admin.updateClient(Keycloak.REALM, client);
        try {
            Tokens.Client pronote = new Tokens.Client("pronote", TestStack.get().client("pronote").secret(), pronoteHere);
            browser.get(new Tokens(TestStack.get().realmUrl()).authorizationUri(pronote, Tokens.challenge(Tokens.random()))
                    .toString());

            // straight back to Pronote with a code: no sign-in form on the way
            wait(browser).until(ExpectedConditions.urlContains("code="));
            assertTrue(browser.getCurrentUrl().startsWith(pronoteHere + "?"), browser.getCurrentUrl());
        } finally {
            admin.updateClient(Keycloak.REALM, asShipped);
        }
    }

    @Test
    void theAdministratorCreatesAnAccountFromTheAdministrationPage() {
        browser = Chromium.start();
        browser.get(gateway.resolve("/administration").toString());
        typePassword("admin");
        secondFactor("admin");
        assertSignedInAs("Administrateur Académique", "/administration");

        fillInAdministrationPage("#prenom", "Simone");
        fillInAdministrationPage("#nom", "de Beauvoir");
        fillInAdministrationPage("#uai", "0450042K");
        clickInPage("page-administration", "input[name=roles][value=enseignant]");
        clickInPage("page-administration", "#creer button[type=submit]");

        String created = wait(browser).until(driver -> pageText(driver, "page-administration", "#compte-cree"));
        assertTrue(created.contains("sdebeauvoir") && created.contains("simone.de-beauvoir@ac-orleans-tours.fr"), created);
        assertTrue(created.contains("Mot de passe provisoire"), created);

        // the requests for one's data, with their deadlines: read at a phone's width, and by a screen reader
        wait(browser).until(driver -> {
            String requests = pageText(driver, "page-administration", "#demandes-donnees");
            return requests != null && (requests.contains("Aucune demande") || requests.contains("À satisfaire avant le"));
        });
        Accessibility.assertNoSeriousViolation(browser, "Administration");
        browser.manage().window().setSize(new Dimension(390, 844));
        Number right = (Number) browser.executeScript("return document.querySelector('portail-app').shadowRoot"
                + ".querySelector('page-administration').shadowRoot.querySelector('#demandes-donnees')"
                + ".getBoundingClientRect().right");
        assertTrue(right.doubleValue() <= 390, "the requests fit a phone: " + right);
    }

    private void secondFactor(String username) {
        PortalPages.secondFactor(browser, username);
    }

    private void fillInAdministrationPage(String selector, String text) {
        WebElement field = (WebElement) browser.executeScript("return document.querySelector('portail-app').shadowRoot"
                + ".querySelector('page-administration').shadowRoot.querySelector(arguments[0]);", selector);
        field.sendKeys(text);
    }

    private void clickInPage(String page, String selector) {
        browser.executeScript("document.querySelector('portail-app').shadowRoot.querySelector(arguments[0]).shadowRoot"
                + ".querySelector(arguments[1]).click();", page, selector);
    }

    /** Text of an element of a page component inside the layout, or null while it is not rendered. */
    private static String pageText(WebDriver driver, String page, String selector) {
        return (String) ((ChromeDriver) driver).executeScript(
                "const element = document.querySelector('portail-app')?.shadowRoot?.querySelector(arguments[0])"
                        + "?.shadowRoot?.querySelector(arguments[1]);"
                        + "return element ? element.textContent.trim() : null;", page, selector);
    }

    /** Text of an element of the account page (a component inside the layout's shadow root). */
    private static String accountPage(WebDriver driver, String selector) {
        return (String) ((ChromeDriver) driver).executeScript(
                "const page = document.querySelector('portail-app')?.shadowRoot?.querySelector('page-compte');"
                        + "const element = page?.shadowRoot?.querySelector(arguments[0]);"
                        + "return element ? element.textContent.trim() : null;", selector);
    }

    private void clickInAccountPage(String selector) {
        // clicked after the script returns: the button opens a confirmation dialog, which would block the script
        browser.executeScript("const button = document.querySelector('portail-app').shadowRoot"
                + ".querySelector('page-compte').shadowRoot.querySelector(arguments[0]);"
                + "setTimeout(() => button.click(), 0);", selector);
    }

    private void typePassword(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    private void assertSignedInAs(String name, String path) {
        wait(browser).until(ExpectedConditions.urlToBe(gateway.resolve(path).toString()));
        assertEquals(name, wait(browser).until(driver -> shadowText(driver, "portail-app", "header .nom")));
    }

    /** Waits, and on a time-out says what the browser shows (address, page text, console): CI runs cannot be replayed. */
    private <T> T waitOrDescribe(Function<WebDriver, T> condition) {
        try {
            return wait(browser).until(condition);
        } catch (TimeoutException e) {
            Object page = browser.executeScript("const app = document.querySelector('portail-app')?.shadowRoot;"
                    + "return app ? [app, ...[...app.querySelectorAll('*')].map(e => e.shadowRoot).filter(r => r)]"
                    + ".map(r => r.textContent).join(' ').replace(/\\s+/g, ' ') : document.body.innerText;");
            List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).toList();
            throw new AssertionError("at " + browser.getCurrentUrl() + " showing «" + page + "», cookies "
                    + browser.manage().getCookies().stream().map(c -> c.getName() + "@" + c.getPath()).toList()
                    + ", console " + console, e);
        }
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Text of an element inside a Lit component's shadow root, or null while it is not rendered. */
    private static String shadowText(WebDriver driver, String host, String selector) {
        Object text = ((ChromeDriver) driver).executeScript(
                "const root = document.querySelector(arguments[0])?.shadowRoot;"
                        + "const element = root && root.querySelector(arguments[1]);"
                        + "return element ? element.textContent.trim() : null;", host, selector);
        return (String) text;
    }
}
