package fr.academie.gateway.browser;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Service;
import fr.academie.stack.testing.Chromium;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webmail in a real browser, through the gateway: a person reads, replies, labels and files mail with the
 * keyboard alone, searches with an operator, is told why a program cannot be attached, and opens hostile messages
 * in which nothing runs.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class WebmailInChromiumTest {

    /** Reaches into the SPA's nested shadow roots: portail-app → page-messagerie → … */
    private static final String PAGE = "document.querySelector('portail-app').shadowRoot.querySelector('page-messagerie').shadowRoot";

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
    void aPersonReadsRepliesLabelsAndMovesMailWithTheKeyboardOnly() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String subject = "Sortie pédagogique " + UUID.randomUUID().toString().substring(0, 6);
        deliver(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", subject, "<p>Pouvez-vous confirmer ?</p>");
        String label = given(account).contentType(ContentType.JSON).body(Map.of("name", "Sorties", "color", "#188038"))
                .post("/labels").then().statusCode(201).extract().path("id");
        signIn(account.username());

        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains(subject));
        cursorOn(subject); // the portal's "new sign-in" notice may have arrived above it
        keys("o");
        waitFor(d -> text(PAGE + ".querySelector('mail-reader').shadowRoot.querySelector('#sujet')").equals(subject));
        assertEquals("true", script("return " + PAGE + ".querySelector('mail-reader').shadowRoot.querySelector('iframe').getAttribute('sandbox') === 'allow-same-origin allow-popups allow-popups-to-escape-sandbox' ? 'true' : 'false'"));

        // r: the editor opens on the reply, its text area focused; Ctrl+Enter sends it
        keys("r");
        waitFor(d -> "RE : ".concat(subject).equals(script("return " + composer() + ".querySelector('#objet').value")));
        waitFor(d -> Boolean.TRUE.equals(script("return " + composer() + ".activeElement?.classList.contains('texte')")));
        keys("Volontiers, je confirme.");
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        waitFor(d -> text(PAGE + ".querySelector('.avis')").contains("Envoi du message"));

        // l: label, v: move, both through a filtered list chosen with Enter
        keys("l");
        waitFor(d -> Boolean.TRUE.equals(script("return " + PAGE + ".querySelector('#choix-etiquette').shadowRoot.querySelector('dialog').open")));
        keys("Sort");
        keys(Keys.ENTER);
        waitFor(d -> given(account).get("/labels/{id}/messages", label).then().extract().jsonPath()
                .getList("items.subject").contains(subject));
        keys("v");
        waitFor(d -> Boolean.TRUE.equals(script("return " + PAGE + ".querySelector('#choix-dossier').shadowRoot.querySelector('dialog').open")));
        keys("Archiv");
        keys(Keys.ENTER);
        String archive = folderId(account, "ARCHIVE");
        waitFor(d -> given(account).get("/folders/{id}/messages", archive).then().extract().jsonPath()
                .getList("items.subject").contains(subject));

        // the reply left: Samir is outside this test's reach, but the copy is in Envoyés
        String sent = folderId(account, "SENT");
        waitFor(d -> given(account).get("/folders/{id}/messages", sent).then().extract().jsonPath()
                .getList("items.subject").contains("RE : " + subject));
        keys("?");
        waitFor(d -> Boolean.TRUE.equals(script("return " + PAGE + ".querySelector('mail-shortcuts').shadowRoot.querySelector('dialog').open")));
        assertTrue(text(PAGE + ".querySelector('mail-shortcuts').shadowRoot.querySelector('table')").contains("répondre à tous"));
    }

    @Test
    void aSearchWithAnOperatorFindsOnlyWhatItSays() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        deliver(account, "Agence comptable <agence.comptable@ac-orleans-tours.fr>", "Clôture budgétaire", "<p>Les comptes.</p>");
        deliver(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", "Budget du voyage", "<p>Le budget.</p>");
        signIn(account.username());
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains("Budget du voyage"));
        keys("/");
        keys("budget from:samir");
        keys(Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('#titre-liste')").contains("Résultats")
                && text(PAGE + ".querySelector('ul.messages')").contains("Budget du voyage"));
        String results = text(PAGE + ".querySelector('ul.messages')");
        assertTrue(results.contains("Budget du voyage"), results);
        assertFalse(results.contains("Clôture budgétaire"), results);
    }

    @Test
    void aProgramCannotBeAttachedAndThePersonIsToldWhyInFrench() throws IOException {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        signIn(account.username());
        waitFor(d -> script("return " + PAGE + ".querySelector('mail-folders')") != null);
        keys("c");
        waitFor(d -> Boolean.TRUE.equals(script("return " + composer() + ".querySelector('dialog').open")));
        Path program = Files.createTempDirectory("pj").resolve("installer.exe");
        Files.write(program, "MZ".getBytes(StandardCharsets.US_ASCII));
        WebElement input = (WebElement) script("return " + composer() + ".querySelector('input[type=file]')");
        input.sendKeys(program.toString());
        waitFor(d -> text(composer() + ".querySelector('[role=alert]')").contains("installer.exe"));
        assertTrue(text(composer() + ".querySelector('[role=alert]')").contains("programmes et les scripts"));
    }

    @Test
    void hostileMessagesOpenWithoutAnyScriptRunning() throws IOException {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        List<String> vectors = Files.readAllLines(Path.of("../mail-service/src/test/resources/xss/vectors.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertTrue(vectors.size() >= 40);
        for (int i = 0; i < vectors.size(); i++) {
            deliver(account, "Inconnu <inconnu@exemple.fr>", String.format("Vecteur %02d", i), vectors.get(i),
                    java.time.Instant.now().minusSeconds(600L - i)); // one a second: the list's order is known
        }
        signIn(account.username());
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains("Vecteur"));
        script("window.__xss = false; window.alert = () => { window.__xss = true; };");
        cursorOn(String.format("Vecteur %02d", vectors.size() - 1));
        for (int i = 0; i < vectors.size(); i++) {
            keys(i == 0 ? "o" : "j");
            String expected = String.format("Vecteur %02d", vectors.size() - 1 - i);
            waitFor(d -> expected.equals(text(PAGE + ".querySelector('mail-reader').shadowRoot.querySelector('#sujet')")));
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), vectors.get(vectors.size() - 1 - i));
        }
        assertEquals(Boolean.FALSE, script("return window.__xss"));
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Uncaught")).toList();
        assertTrue(errors.isEmpty(), "nothing ran, nothing failed: " + errors);
    }

    private void signIn(String username) {
        browser = Chromium.start();
        // a client address of its own (the tests' gateway trusts X-Forwarded-For): the suite's other classes have
        // used the per-address API budget of 127.0.0.1, and a webmail asks for more than a page of the portal
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("X-Forwarded-For", "10.77." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250)))));
        browser.get(gateway.resolve("/messagerie").toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(gateway.resolve("/messagerie").toString()));
    }

    /** Moves the list's cursor down ("j") to the message with that subject. */
    private void cursorOn(String subject) {
        for (int i = 0; i < 5 && !text(PAGE + ".querySelector('li.courant')").contains(subject); i++) {
            keys("j");
        }
        assertTrue(text(PAGE + ".querySelector('li.courant')").contains(subject), subject);
    }

    private static String composer() {
        return PAGE + ".querySelector('mail-compose').shadowRoot";
    }

    private void keys(CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String text(String element) {
        Object text = script("const e = " + element + "; return e ? e.textContent : null;");
        return text == null ? "" : text.toString();
    }

    /** Waits, and on a time-out says what the page shows (CI runs cannot be replayed). */
    private void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(RuntimeException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("at " + browser.getCurrentUrl() + " the page shows «" + text(PAGE).replaceAll("\\s+", " ")
                    + "», console " + browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList(), e);
        }
    }

    /** The person's token on mail-service directly (their portail token carries its audience). */
    private static RequestSpecification given(TestStack.Account account) {
        return io.restassured.RestAssured.given().baseUri(TestStack.get().service(Service.MAIL))
                .auth().oauth2(TestStack.get().accessToken(account.username()));
    }

    private static String folderId(TestStack.Account account, String role) {
        return given(account).get("/folders").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.systemRole == '" + role + "' }.id");
    }

    private static void deliver(TestStack.Account account, String from, String subject, String html) {
        deliver(account, from, subject, html, java.time.Instant.now());
    }

    /** An .eml import (stored read, dated by its Date header) into the person's inbox. */
    private static void deliver(TestStack.Account account, String from, String subject, String html, java.time.Instant date) {
        String message = "From: " + from + "\r\nTo: " + account.email() + "\r\nDate: "
                + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(java.time.ZoneOffset.UTC))
                + "\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@exemple.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n";
        given(account).contentType("message/rfc822").body(message.getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", folderId(account, "INBOX")).then().statusCode(201);
    }
}
