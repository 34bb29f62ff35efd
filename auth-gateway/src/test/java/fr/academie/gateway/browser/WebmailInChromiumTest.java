package fr.academie.gateway.browser;

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
import org.openqa.selenium.Alert;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
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
 * keyboard alone, searches with an operator, is told why a program cannot be attached, opens hostile messages
 * in which nothing runs, and sees why a phishing attempt looks dangerous.
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
    void aNewMessageAppearsWithoutReloadCountsInTheTitleAndIsNotifiedOnlyOnceAsked() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        signIn(account.username());
        waitFor(d -> script("return " + PAGE + ".querySelector('button.notifier')") != null
                && d.getTitle().endsWith("Messagerie – Portail agents"));
        // the browser would allow it: only the person's choice turns notifications on
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", gateway.toString().replaceAll("/$", ""),
                "permissions", List.of("notifications")));
        script("window.sansRechargement = true; window.notifications = [];"
                + " window.Notification = class extends window.Notification {"
                + "   constructor(title, options) { super(title, options); window.notifications.push(title + ' | ' + options.body); } };");
        int before = unread(browser.getTitle());

        String first = "Réunion de rentrée " + UUID.randomUUID().toString().substring(0, 6);
        elsewhereWhile(() -> deliverFromTheInternet(account, first));
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains(first));
        waitFor(d -> unread(d.getTitle()) == before + 1);
        assertTrue(Boolean.TRUE.equals(script("return window.sansRechargement")), "no reload");
        assertEquals(List.of(), script("return window.notifications"), "not asked for: no notification");

        click(PAGE + ".querySelector('button.notifier')");
        waitFor(d -> "true".equals(script("return " + PAGE + ".querySelector('button.notifier').getAttribute('aria-pressed')")));
        String second = "Conseil d'administration " + UUID.randomUUID().toString().substring(0, 6);
        elsewhereWhile(() -> deliverFromTheInternet(account, second));
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains(second) && unread(d.getTitle()) == before + 2);
        waitFor(d -> script("return window.notifications").toString().contains(second));
        assertEquals(List.of("Nouveau message – Portail agents | Samir Benali : " + second), script("return window.notifications"));
        assertTrue(Boolean.TRUE.equals(script("return window.sansRechargement")), "no reload");
    }

    /** The person is in another tab (the webmail's is hidden) while something happens. */
    private void elsewhereWhile(ThrowingRunnable action) throws Exception {
        String webmail = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        try {
            action.run();
            Thread.sleep(3_000); // the live feed reads every second; the hidden tab hears it
        } finally {
            browser.close();
            browser.switchTo().window(webmail);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** "(3) Messagerie – Portail agents": 3; no count: 0. */
    private static int unread(String title) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("^\\((\\d+)\\) ").matcher(title);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    private static void deliverFromTheInternet(TestStack.Account account, String subject) throws Exception {
        Path message = Files.createTempFile("message-", ".eml");
        Files.writeString(message, "From: Samir Benali <samir.benali@exemple.fr>\r\nTo: " + account.email()
                + "\r\nSubject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=\r\nMessage-ID: <" + UUID.randomUUID() + "@exemple.fr>\r\n\r\nBonjour.\r\n");
        PortalPages.sendThroughMx("samir.benali@exemple.fr", account, message);
    }

    @Test
    void brouillonsListsTheWebPagesDraftsAndThoseAMailProgramSaved() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String web = "Brouillon du portail " + UUID.randomUUID().toString().substring(0, 6);
        String program = "Brouillon de Thunderbird " + UUID.randomUUID().toString().substring(0, 6);
        given(account).contentType(ContentType.JSON).body(Map.of("subject", web)).post("/drafts").then().statusCode(201);
        // what Thunderbird's or a phone's IMAP APPEND keeps: a message of Brouillons
        given(account).contentType("message/rfc822").body(("From: " + account.email() + "\r\nSubject: " + program
                        + "\r\nMessage-ID: <" + UUID.randomUUID() + "@poste-de-lena>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\nÀ finir ce soir.\r\n").getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", folderId(account, "DRAFTS")).then().statusCode(201);
        signIn(account.username());

        click(PAGE + ".querySelector('mail-folders').shadowRoot.querySelector('a[data-folder=DRAFTS]')");
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains(web)
                && text(PAGE + ".querySelector('ul.messages')").contains(program));
        cursorOn(program);
        keys("o");
        waitFor(d -> text(PAGE + ".querySelector('mail-reader').shadowRoot.querySelector('#sujet')").equals(program));
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

        // the French operators too; then "Messagerie" in the menu leaves the search for the inbox
        script("const f = " + PAGE + ".querySelector('form.recherche'); f.q.value = 'de:agence'; f.requestSubmit();");
        waitFor(d -> text(PAGE + ".querySelector('#titre-liste')").contains("de:agence")
                && text(PAGE + ".querySelector('ul.messages')").contains("Clôture budgétaire")
                && !text(PAGE + ".querySelector('ul.messages')").contains("Budget du voyage"));
        ((WebElement) script("return document.querySelector('portail-app').shadowRoot"
                + ".querySelector('nav a[href=\"/messagerie\"]')")).click();
        waitFor(d -> text(PAGE + ".querySelector('#titre-liste')").startsWith("Boîte de réception")
                && text(PAGE + ".querySelector('ul.messages')").contains("Budget du voyage")
                && "".equals(script("return " + PAGE + ".querySelector('form.recherche').q.value")));
    }

    @Test
    void anUntouchedNewMessageLeavesNoDraftAndOneKeyShortcutsCanBeTurnedOff() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        deliver(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", "Budget du voyage", "<p>Le budget.</p>");
        signIn(account.username());
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains("Budget du voyage"));
        keys("c");
        waitFor(d -> Boolean.TRUE.equals(script("return " + composer() + ".querySelector('dialog').open")));
        keys(Keys.ESCAPE);
        waitFor(d -> Boolean.FALSE.equals(script("return " + composer() + ".querySelector('dialog').open")));
        waitFor(d -> given(account).get("/drafts").then().statusCode(200).extract().jsonPath().getList("items").isEmpty());

        keys("?");
        String help = PAGE + ".querySelector('mail-shortcuts').shadowRoot";
        waitFor(d -> Boolean.TRUE.equals(script("return " + help + ".querySelector('dialog').open")));
        ((WebElement) script("return " + help + ".querySelector('#raccourcis-actifs')")).click();
        keys(Keys.ESCAPE);
        waitFor(d -> Boolean.FALSE.equals(script("return " + help + ".querySelector('dialog').open")));
        keys("c");
        keys("?");
        sleep(1_500); // what would have opened the editor (a draft made, then the dialog) has had its time
        assertEquals(Boolean.FALSE, script("return " + composer() + ".querySelector('dialog').open || "
                + help + ".querySelector('dialog').open"), "a one-key shortcut does nothing once turned off");
        assertEquals(List.of(), given(account).get("/drafts").then().statusCode(200).extract().jsonPath().getList("items"));
        browser.navigate().refresh();
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains("Budget du voyage"));
        keys("c");
        sleep(1_500);
        assertEquals(Boolean.FALSE, script("return " + composer() + ".querySelector('dialog').open"),
                "the choice stays in this browser");
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

    @Test
    void aPersonManagesFoldersLabelsSignaturesTrustedSendersAndImportsMail() throws IOException {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        given(account).contentType(ContentType.JSON).body(Map.of("address", "lettre@exemple.fr")).post("/trusted-senders")
                .then().statusCode(204);
        signIn(account.username());
        waitFor(d -> script("return " + PAGE + ".querySelector('mail-folders')") != null);
        click(PAGE + ".querySelector('mail-folders').shadowRoot.querySelector('.gerer')");
        waitFor(d -> Boolean.TRUE.equals(script("return " + manage() + ".querySelector('dialog').open")));

        // folders: "Projets", then "Voyage Rome" inside it, renamed; then "Projets" deleted, its mail to the trash
        type(manage() + ".querySelector('form.ajout:not([aria-label]) input[name=name]')", "Projets");
        click(manage() + ".querySelector('form.ajout:not([aria-label]) button')");
        waitFor(d -> text(manage() + ".querySelector('[role=status]')").contains("Dossier « Projets » créé"));
        String projets = folderNamed(account, "Projets");
        type(manage() + ".querySelector('form.ajout:not([aria-label]) input[name=name]')", "Voyage Rome");
        setValue(manage() + ".querySelector('form.ajout:not([aria-label]) select')", projets);
        click(manage() + ".querySelector('form.ajout:not([aria-label]) button')");
        waitFor(d -> script("return " + manage() + ".querySelector('form[aria-label=\"Dossier Projets / Voyage Rome\"]')") != null);
        String rome = folderNamed(account, "Voyage Rome");
        WebElement name = (WebElement) script("return " + manage() + ".querySelector('form[aria-label=\"Dossier Projets / Voyage Rome\"] input')");
        name.clear();
        name.sendKeys("Voyage à Rome", Keys.ENTER);
        waitFor(d -> "Voyage à Rome".equals(given(account).get("/folders").then().extract().jsonPath()
                .getString("items.find { it.id == '" + rome + "' }.name")));
        assertEquals(projets, given(account).get("/folders").then().extract().jsonPath()
                .getString("items.find { it.id == '" + rome + "' }.parentId"), "renamed where it was");
        deliver(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", "Devis autocar", "<p>Ci-joint.</p>");
        String devis = given(account).get("/folders/{id}/messages", folderId(account, "INBOX")).then().extract().jsonPath()
                .getString("items.find { it.subject == 'Devis autocar' }.id");
        given(account).contentType(ContentType.JSON).body(Map.of("action", "MOVE", "ids", List.of(devis), "folderId", rome))
                .post("/messages/actions").then().statusCode(200);
        click(manage() + ".querySelector('form[aria-label=\"Dossier Projets\"] button[type=button]')");
        Alert confirmation = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertTrue(confirmation.getText().contains("son sous-dossier") && confirmation.getText().contains("corbeille"), confirmation.getText());
        confirmation.accept();
        waitFor(d -> text(manage() + ".querySelector('[role=status]')").contains("1 message mis à la corbeille"));
        assertEquals(devis, given(account).get("/folders/{id}/messages", folderId(account, "TRASH")).then().extract()
                .jsonPath().getString("items[0].id"));

        // labels: created with a colour, recoloured
        click(manage() + ".querySelector('#onglet-etiquettes')");
        type(manage() + ".querySelector('form.ajout:not([aria-label]) input[name=name]')", "Pédagogie");
        setValue(manage() + ".querySelector('form.ajout:not([aria-label]) input[name=color]')", "#188038");
        click(manage() + ".querySelector('form.ajout:not([aria-label]) button')");
        waitFor(d -> "#188038".equals(given(account).get("/labels").then().extract().jsonPath()
                .getString("items.find { it.name == 'Pédagogie' }.color")));
        setValue(manage() + ".querySelector('form[aria-label=\"Étiquette Pédagogie\"] input[name=color]')", "#ce0500");
        click(manage() + ".querySelector('form[aria-label=\"Étiquette Pédagogie\"] button')");
        waitFor(d -> "#ce0500".equals(given(account).get("/labels").then().extract().jsonPath()
                .getString("items.find { it.name == 'Pédagogie' }.color")));

        // signatures: the académie's template, made the default for new mail
        click(manage() + ".querySelector('#onglet-signatures')");
        click(manage() + ".querySelector('#nouvelle-signature button[type=button]')");
        waitFor(d -> text(manage() + ".querySelector('#nouvelle-signature .texte')").contains("Camille Essai"));
        click(manage() + ".querySelector('#nouvelle-signature input[name=defaultNew]')");
        click(manage() + ".querySelector('#nouvelle-signature button:not([type])')");
        waitFor(d -> given(account).get("/signatures").then().extract().jsonPath().getList("items").size() == 1);
        assertEquals(Boolean.TRUE, given(account).get("/signatures").then().extract().jsonPath().getBoolean("items[0].defaultNew"));

        // trusted senders: removed from the list
        click(manage() + ".querySelector('#onglet-images')");
        waitFor(d -> text(manage() + ".querySelector('[role=tabpanel]')").contains("lettre@exemple.fr"));
        click(manage() + ".querySelector('[role=tabpanel] li button')");
        waitFor(d -> given(account).get("/trusted-senders").then().extract().jsonPath().getList("items").isEmpty());

        // import an mbox of two messages into the archive; the export link names the folder
        click(manage() + ".querySelector('#onglet-import')");
        String archive = folderId(account, "ARCHIVE");
        setValue(manage() + ".querySelector('#dossier-echange')", archive);
        Path mbox = Files.createTempDirectory("mbox").resolve("ancienne-messagerie.mbox");
        Files.writeString(mbox, "From a@exemple.fr Mon Nov  2 08:00:00 2026\nFrom: a@exemple.fr\nSubject: Ancien 1\n"
                + "Message-ID: <ancien-1-" + UUID.randomUUID() + "@exemple.fr>\n\nUn.\n\nFrom b@exemple.fr Mon Nov  2 09:00:00 2026\n"
                + "From: b@exemple.fr\nSubject: Ancien 2\nMessage-ID: <ancien-2-" + UUID.randomUUID() + "@exemple.fr>\n\nDeux.\n");
        ((WebElement) script("return " + manage() + ".querySelector('input[type=file]')")).sendKeys(mbox.toString());
        waitFor(d -> text(manage() + ".querySelector('[role=status]')").contains("2 messages importés"));
        assertEquals(2, given(account).get("/folders/{id}/messages", archive).then().extract().jsonPath().getList("items").size());
        assertEquals("/api/mail/folders/" + archive + "/export",
                script("return " + manage() + ".querySelector('a[download]').getAttribute('href')"));

        // the message of the deleted folder comes back from the trash (to the inbox: its folder is gone)
        click(manage() + ".querySelector('form[method=dialog] button')");
        click(PAGE + ".querySelector('mail-folders').shadowRoot.querySelector('a[data-folder=TRASH]')");
        waitFor(d -> text(PAGE + ".querySelector('li#m-0')").contains("Devis autocar"));
        assertTrue(text(PAGE + ".querySelector('#duree-conservation')").contains("30 jours"), "the trash says it empties itself");
        click(PAGE + ".querySelector('li#m-0 input[type=checkbox]')");
        click(PAGE + ".querySelector('.barre button.restaurer')");
        waitFor(d -> given(account).get("/folders/{id}/messages", folderId(account, "INBOX")).then().extract().jsonPath()
                .getList("items.id").contains(devis));
    }

    @Test
    void libererDeLEspaceDeletesTheLargestMessageForGood() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        deliver(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", "Photos de la sortie", "<p>" + "x".repeat(200_000) + "</p>");
        deliver(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", "Petit mot", "<p>Merci.</p>");
        long used = given(account).get("/mailbox").then().extract().jsonPath().getLong("used");
        signIn(account.username());
        waitFor(d -> script("return " + PAGE + ".querySelector('mail-folders')") != null);
        click(PAGE + ".querySelector('mail-folders').shadowRoot.querySelector('.quota a')");
        waitFor(d -> text(PAGE + ".querySelector('#titre-liste')").contains("plus gros")
                && text(PAGE + ".querySelector('li#m-0')").contains("Photos de la sortie"));
        click(PAGE + ".querySelector('li#m-0 input[type=checkbox]')");
        click(PAGE + ".querySelector('.barre button.definitif')");
        Alert confirmation = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertTrue(confirmation.getText().contains("définitivement"), confirmation.getText());
        confirmation.accept();
        waitFor(d -> text(PAGE + ".querySelector('.avis')").contains("supprimé définitivement"));
        // (the portal's "new sign-in" notice, a few KB, may have arrived meanwhile)
        assertTrue(given(account).get("/mailbox").then().extract().jsonPath().getLong("used") < used - 150_000, "space freed at once");
        assertFalse(text(PAGE + ".querySelector('ul.messages')").contains("Photos de la sortie"));
    }

    @Test
    void aPhishingAttemptShowsItsReasonsKeepsItsProgramAndIsRescuedByItsReader() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String subject = "Votre boite va etre fermee " + UUID.randomUUID().toString().substring(0, 6);
        folderId(account, "INBOX"); // mail-service started, the mailbox made
        Path message = Files.createTempFile("hameconnage", ".eml");
        Files.writeString(message, "From: Service informatique <support@ac-orleans-tour.fr>\r\nTo: " + account.email()
                + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Confirmez votre mot de passe sur "
                + "<a href=\"http://203.0.113.9/login\">https://webmail.ac-orleans-tours.fr</a></p>\r\n--b\r\n"
                + "Content-Type: application/octet-stream; name=\"facture.pdf.exe\"\r\nContent-Disposition: attachment;"
                + " filename=\"facture.pdf.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVogcGFzIHZyYWltZW50\r\n--b--\r\n",
                StandardCharsets.US_ASCII);
        PortalPages.sendThroughMx("support@ac-orleans-tour.fr", account, message);

        signIn(account.username());
        click(PAGE + ".querySelector('mail-folders').shadowRoot.querySelector('a[data-folder=JUNK]')");
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains(subject));
        script("[..." + PAGE + ".querySelectorAll('ul.messages li')].find(li => li.textContent.includes(arguments[0]))"
                + ".click()", subject);
        String reader = PAGE + ".querySelector('mail-reader').shadowRoot";
        waitFor(d -> text(reader + ".querySelector('.alerte')").contains("signes d'hameçonnage"));
        String banner = text(reader + ".querySelector('.alerte')");
        assertTrue(banner.contains("« Service informatique », évoque un service de l'académie")
                && banner.contains("imite celle de ac-orleans-tours.fr")
                && banner.contains("Un lien affiche « webmail.ac-orleans-tours.fr » mais mène à 203.0.113.9")
                && banner.contains("« facture.pdf.exe » est un programme"), banner);
        assertTrue(text(reader + ".querySelector('ul.pj')").contains("Téléchargement bloqué"));
        assertEquals("SPF absent (ac-orleans-tour.fr) · DKIM absent · DMARC absent",
                text(reader + ".querySelector('.authentification')"), "what the MX learnt, in words");
        assertEquals(0L, script("return " + reader + ".querySelectorAll('ul.pj a').length"), "no link to the program");

        // at phone width the reason stays readable, then the person says it is not junk: back to the inbox
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertTrue((Long) script("return " + reader + ".querySelector('.alerte').getBoundingClientRect().width") <= 390);
        click("[..." + reader + ".querySelectorAll('.actions button')].find(b => b.textContent.includes(\"Ce n'est pas\"))");
        String inbox = folderId(account, "INBOX");
        waitFor(d -> given(account).get("/folders/{id}/messages", inbox).then().extract().jsonPath()
                .getList("items.subject").contains(subject));
        assertEquals(List.of("support@ac-orleans-tour.fr"), given(account).get("/trusted-senders").then().extract()
                .jsonPath().getList("items"));
    }

    @Test
    void aMessageFiledByARuleSaysWhichRulePutItThere() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String subject = "Devis numero " + UUID.randomUUID().toString().substring(0, 6);
        folderId(account, "INBOX"); // mail-service started, the mailbox made
        given(account).contentType("application/json").body(Map.of("name", "Fiscalité")).post("/folders")
                .then().statusCode(201);
        given(account).contentType("application/json").body(Map.of("suspended", false, "script", """
                require "fileinto";
                # rule:[Devis des fournisseurs]
                if header :contains "subject" "devis" {
                    fileinto "Fiscalité";
                }
                """)).put("/rules").then().statusCode(200);
        Path message = Files.createTempFile("devis", ".eml");
        Files.writeString(message, "From: Papeterie <devis@papeterie-exemple.fr>\r\nTo: " + account.email()
                + "\r\nSubject: " + subject + "\r\n\r\nVeuillez trouver notre devis.\r\n", StandardCharsets.US_ASCII);
        PortalPages.sendThroughMx("devis@papeterie-exemple.fr", account, message);

        signIn(account.username());
        click(PAGE + ".querySelector('mail-folders').shadowRoot.querySelector('a[data-folder=\"Fiscalité\"]')");
        waitFor(d -> text(PAGE + ".querySelector('ul.messages')").contains(subject));
        script("[..." + PAGE + ".querySelectorAll('ul.messages li')].find(li => li.textContent.includes(arguments[0]))"
                + ".click()", subject);
        String reader = PAGE + ".querySelector('mail-reader').shadowRoot";
        waitFor(d -> text(reader + ".querySelector('.regles')").contains("Fiscalité"));
        assertEquals("Règle « Devis des fournisseurs » (ligne 4) : classé dans « Fiscalité » Voir la règle",
                text(reader + ".querySelector('.regles')").replaceAll("\\s+", " ").strip());
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertTrue(((Number) script("return " + reader + ".querySelector('.regles').getBoundingClientRect().right"))
                .doubleValue() <= 390, "readable at phone width");

        // "Voir la règle" opens the rules on that rule
        click(reader + ".querySelector('.regles a')");
        String rules = "document.querySelector('portail-app').shadowRoot.querySelector('page-regles').shadowRoot";
        waitFor(d -> text(rules + ".querySelector('li.voulue h2')").contains("Devis des fournisseurs"));
        assertTrue(browser.getCurrentUrl().endsWith("/messagerie/regles?regle=Devis%20des%20fournisseurs"), browser.getCurrentUrl());
    }

    private String manage() {
        return PAGE + ".querySelector('mail-manage').shadowRoot";
    }

    private void click(String element) {
        waitFor(d -> script("return " + element) != null);
        ((WebElement) script("return " + element)).click();
    }

    /** Sets a field (a colour, a choice in a list) as a person would, once the page shows that value among its options. */
    private void setValue(String element, String value) {
        waitFor(d -> value.equals(script("const e = " + element + "; e.value = arguments[0];"
                + " e.dispatchEvent(new Event('change')); return e.value;", value)));
    }

    private void type(String element, String text) {
        waitFor(d -> script("return " + element) != null);
        ((WebElement) script("return " + element)).sendKeys(text);
    }

    private static String folderNamed(TestStack.Account account, String name) {
        return given(account).get("/folders").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.name == '" + name + "' }.id");
    }

    private void signIn(String username) {
        browser = PortalPages.signIn(gateway, username, "/messagerie");
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keys(CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private Object script(String script, Object... arguments) {
        return PortalPages.script(browser, script, arguments);
    }

    private String text(String element) {
        return PortalPages.text(browser, element);
    }

    private void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, PAGE, Duration.ofSeconds(20), condition);
    }

    private static RequestSpecification given(TestStack.Account account) {
        return PortalPages.mailApi(account);
    }

    private static String folderId(TestStack.Account account, String role) {
        return PortalPages.folderId(account, role);
    }

    private static void deliver(TestStack.Account account, String from, String subject, String html) {
        PortalPages.importIntoInbox(account, from, subject, html, java.time.Instant.now());
    }

    private static void deliver(TestStack.Account account, String from, String subject, String html, java.time.Instant date) {
        PortalPages.importIntoInbox(account, from, subject, html, date);
    }
}
