package fr.academie.gateway.browser;

import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal on a phone and a tablet: Léna reads, answers and files her mail one pane at a time, coming back to
 * the list by the reader's button, by filing the message and by the browser's Back; every page fits the screen,
 * has a menu that reaches every page and "Accueil", gives a finger 44 px, and passes axe-core; the portal installs as
 * a web app, and an address it does not have is a French page.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class PhoneAndTabletInChromiumTest {

    private static final String APP = "document.querySelector('portail-app').shadowRoot";
    private static final String PAGE = APP + ".querySelector('page-messagerie').shadowRoot";
    private static final String READER = PAGE + ".querySelector('mail-reader').shadowRoot";
    /** Where the README's screenshots go when asked ({@code -Dportail.captures=<directory>}), else null. */
    private static final String CAPTURES = System.getProperty("portail.captures");
    private static final List<String> PAGES = List.of("/", "/messagerie", "/messagerie/regles", "/messagerie/configurer",
            "/carriere", "/demarches", "/compte");

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
    void lenaReadsRepliesAndFilesThreeMessagesComingBackToTheListEachTime(Screen screen) {
        TestStack.Account lena = TestStack.get().newAccount("personnel", "enseignant");
        String tag = " " + UUID.randomUUID().toString().substring(0, 6);
        String council = "Conseil de classe de 3e B" + tag;
        String museum = "Sortie au musée des Beaux-Arts" + tag;
        String parents = "Rencontre parents-professeurs" + tag;
        String folder = given(lena).contentType(ContentType.JSON).body(Map.of("name", "Sorties"))
                .post("/folders").then().statusCode(201).extract().path("id");
        for (String subject : List.of(council, museum, parents)) {
            deliver(lena, subject);
        }
        browser = PortalPages.signIn(gateway, lena.username(), "/messagerie");
        screen.emulate(browser);
        browser.navigate().refresh();
        // the browser is a new device for the account: its letter arrives in the list too, and a row that arrives
        // between finding a subject's row and tapping it would take the tap (seen in CI): the list is complete first
        waitFor(d -> rows().contains(parents) && rows().contains(council)
                && rows().contains("Nouvelle connexion à votre compte académique"));
        assertTrue(listShown() && !shown(PAGE + ".querySelector('.lecteur')"), "the list comes first");
        assertEquals(screen == Screen.TABLET, shown(PAGE + ".querySelector('.dossiers')"), "folders beside the list on a tablet only");
        screen.assertFits(browser, "Messagerie, la liste");

        // the first: read, answered, then back to the list by the reader's own button
        open(council);
        assertEquals("← Boîte de réception", text(PAGE + ".querySelector('.retour')").trim());
        screen.assertFits(browser, "Messagerie, un message ouvert");
        tap(button(READER, "Répondre"));
        String composer = PAGE + ".querySelector('mail-compose').shadowRoot";
        waitFor(d -> Boolean.TRUE.equals(script("return " + composer + ".querySelector('dialog').open")));
        screen.assertFits(browser, "Messagerie, la réponse");
        ((WebElement) script("return " + composer + ".querySelector('.texte')")).sendKeys("Je serai présente.");
        tap(button(composer, "Envoyer"));
        waitFor(d -> text(PAGE + ".querySelector('.avis')").contains("Envoi du message"));
        tap(PAGE + ".querySelector('.retour')");
        waitFor(d -> listShown());

        // the second: filed into a folder, which closes it
        open(museum);
        tap(button(READER, "Déplacer"));
        String picker = PAGE + ".querySelector('#choix-dossier').shadowRoot";
        waitFor(d -> Boolean.TRUE.equals(script("return " + picker + ".querySelector('dialog').open")));
        screen.assertFits(browser, "Messagerie, le choix du dossier");
        ((WebElement) script("return " + picker + ".querySelector('input')")).sendKeys("Sorties", Keys.ENTER);
        waitFor(d -> listShown() && !rows().contains(museum));

        // the third: the browser's Back closes it and stays in the webmail; opened again and archived from the reader
        open(parents);
        browser.navigate().back();
        waitFor(d -> listShown());
        assertEquals(gateway.resolve("/messagerie").toString(), browser.getCurrentUrl());
        open(parents);
        tap(button(READER, "Archiver"));
        waitFor(d -> listShown() && !rows().contains(parents));
        // and the first, answered earlier, chosen by its box and archived from the list's toolbar
        tap(PAGE + ".querySelector('#m-' + " + index(council) + " + ' label.choix')");
        tap(button(PAGE, "Archiver"));
        waitFor(d -> !rows().contains(council));

        // the folders: beside the list on a tablet, in a drawer opened by a button on a phone
        if (screen == Screen.PHONE) {
            tap(PAGE + ".querySelector('button.tiroir')");
            waitFor(d -> Boolean.TRUE.equals(script("return " + PAGE + ".querySelector('dialog.tiroir').open")));
            screen.assertFits(browser, "Messagerie, les dossiers");
            tap(PAGE + ".querySelector('dialog.tiroir mail-folders').shadowRoot.querySelector('a[data-folder=\"ARCHIVE\"]')");
            waitFor(d -> Boolean.FALSE.equals(script("return " + PAGE + ".querySelector('dialog.tiroir').open")));
        } else {
            tap(PAGE + ".querySelector('.dossiers mail-folders').shadowRoot.querySelector('a[data-folder=\"ARCHIVE\"]')");
        }
        waitFor(d -> rows().contains(council) && rows().contains(parents));
        assertEquals(List.of(museum), subjects(lena, folder));
        String sent = folderId(lena, "SENT");
        waitFor(d -> subjects(lena, sent).contains("RE : " + council)); // the answer left, once its undo window closed
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void everyPageFitsTheScreenAndItsMenuLeadsEverywhere(Screen screen) {
        browser = PortalPages.signIn(gateway, "lmartin", "/");
        screen.emulate(browser);
        for (String path : PAGES) {
            browser.get(gateway.resolve(path).toString());
            String page = APP + ".querySelector('main > *')";
            waitFor(d -> text(page + ".shadowRoot").length() > 20 && !text(page + ".shadowRoot").contains("Chargement"));
            screen.assertFits(browser, path);
            if (path.equals("/") || path.equals("/messagerie")) {
                capture(screen + path);
            }
        }
        if (screen == Screen.TABLET && CAPTURES != null) {
            captureDesktopWebmail();
            screen.emulate(browser);
        }
        browser.get(gateway.resolve("/").toString());
        waitFor(d -> shown(APP + ".querySelector('main')"));
        String home = APP + ".querySelector('page-accueil').shadowRoot";
        waitFor(d -> shown(home + ".querySelector('[data-application]')"));
        assertEquals(List.of("messagerie", "carriere", "demarches", "pronote", "educonnect", "ent", "intranet"),
                script("return [..." + home + ".querySelectorAll('[data-application]')].map(li => li.dataset.application)"),
                "a teacher's applications, from the catalogue");
        assertEquals(List.of("_blank", ""), script("return ['pronote', 'messagerie'].map(id => " + home
                + ".querySelector('[data-application=\"' + id + '\"] a').target)"), "another site opens in a new tab");
        assertEquals(Map.of("installabilityErrors", List.of()), browser.executeCdpCommand("Page.getInstallabilityErrors", Map.of()),
                "installable as a web app");
        browser.get(gateway.resolve("/adresse-inconnue").toString());
        assertEquals("Page introuvable – Portail agents", browser.getTitle());
        screen.assertFits(browser, "Page introuvable");
        browser.get(gateway.resolve("/").toString());
        waitFor(d -> shown(APP + ".querySelector('main#contenu')")); // the session is read and the page drawn, its menu with it
        if (screen == Screen.PHONE) {
            assertTrue(!shown(APP + ".querySelector('nav')"), "on a phone the menu is folded");
            tap(APP + ".querySelector('button.menu')");
            waitFor(d -> shown(APP + ".querySelector('nav')"));
            assertEquals("true", script("return " + APP + ".querySelector('button.menu').getAttribute('aria-expanded')"));
            screen.assertFits(browser, "le menu ouvert");
        }
        assertEquals(List.of("Accueil", "Messagerie", "Ma carrière", "Mes démarches", "Mon compte", "Assistance"),
                script("return [..." + APP + ".querySelectorAll('nav a:not(.sortie)')].map(a => a.textContent.trim())"));
        tap(APP + ".querySelector('nav a[href=\"/\"]')");
        waitFor(d -> browser.getCurrentUrl().equals(gateway.resolve("/").toString())
                && !shown(APP + ".querySelector('nav')") == (screen == Screen.PHONE));
    }

    /** The pages the walk above cannot reach: the administration (a second factor) and an account's older sessions. */
    @ParameterizedTest
    @EnumSource(Screen.class)
    void theAdministrationAndTheOlderSessionsFitTheScreen(Screen screen) {
        browser = PortalPages.signInWithSecondFactor(gateway, "admin", "/administration");
        screen.emulate(browser);
        browser.navigate().refresh();
        String administration = APP + ".querySelector('page-administration').shadowRoot";
        waitFor(d -> shown(administration + ".querySelector('#creer')"));
        script("const field = " + administration + ".querySelector('input[name=q]'); field.value = 'martin';"
                + " field.form.requestSubmit()");
        waitFor(d -> text(administration).contains("lmartin"));
        screen.assertFits(browser, "Administration, une recherche");
        browser.quit();

        TestStack.Account many = TestStack.get().newAccount("personnel");
        for (int session = 0; session < 6; session++) { // six other devices: more than the five shown
            SignedIn.as(gateway, many.username());
        }
        browser = PortalPages.signIn(gateway, many.username(), "/compte");
        screen.emulate(browser);
        browser.navigate().refresh();
        String account = APP + ".querySelector('page-compte').shadowRoot";
        waitFor(d -> shown(account + ".querySelector('#toutes-sessions')"));
        tap(account + ".querySelector('#toutes-sessions')");
        waitFor(d -> !shown(account + ".querySelector('#toutes-sessions')"));
        screen.assertFits(browser, "Mon compte, toutes les sessions");
    }

    /**
     * The README's screenshots, taken when asked ({@code -Dportail.captures=<directory>}): the home page and the
     * webmail on each screen.
     */
    private void capture(String name) {
        if (CAPTURES != null) {
            save(name.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
        }
    }

    /** The README's third screenshot: the webmail on a desktop (1366×768, no touch) with a message open. */
    private void captureDesktopWebmail() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        browser.get(gateway.resolve("/messagerie").toString());
        waitFor(d -> Boolean.TRUE.equals(script("return !!" + PAGE + ".querySelector('#m-0')")));
        tap(PAGE + ".querySelector('#m-0 .qui')");
        waitFor(d -> !text(READER + ".querySelector('#sujet')").isEmpty());
        script("window.scrollTo(0, 0)");
        save("desktop-messagerie");
    }

    private void save(String name) {
        try {
            Path file = Path.of(CAPTURES, name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(String subject) {
        tap(PAGE + ".querySelector('#m-' + " + index(subject) + " + ' .qui')");
        waitFor(d -> text(READER + ".querySelector('#sujet')").equals(subject) && !listShown());
        assertTrue(shown(PAGE + ".querySelector('.retour')"), "the reader has its way back");
    }

    private boolean listShown() {
        return shown(PAGE + ".querySelector('.liste')");
    }

    private String rows() {
        return text(PAGE + ".querySelector('ul.messages')");
    }

    /** The index in the list of the row with that subject, as a script expression. */
    private static String index(String subject) {
        return "[..." + PAGE + ".querySelectorAll('ul.messages > li')].findIndex(li => li.textContent.includes('"
                + subject.replace("'", "\\'") + "'))";
    }

    private static String button(String root, String name) {
        return "[..." + root + ".querySelectorAll('button')].find(b => b.textContent.trim() === '" + name + "')";
    }

    private boolean shown(String element) {
        return Boolean.TRUE.equals(script("const e = " + element + "; return !!e && e.getClientRects().length > 0"));
    }

    /** A finger's tap: Selenium's click at the element's centre, which must be visible there. */
    private void tap(String element) {
        waitFor(d -> shown(element));
        ((WebElement) script("return " + element)).click();
    }

    private Object script(String script, Object... arguments) {
        return PortalPages.script(browser, script, arguments);
    }

    private String text(String element) {
        return PortalPages.text(browser, element);
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, APP, Duration.ofSeconds(20), condition);
    }

    private static RequestSpecification given(TestStack.Account account) {
        return PortalPages.mailApi(account);
    }

    private static List<String> subjects(TestStack.Account account, String folder) {
        return given(account).get("/folders/{id}/messages", folder).then().statusCode(200).extract().jsonPath()
                .getList("items.subject");
    }

    private static String folderId(TestStack.Account account, String role) {
        return PortalPages.folderId(account, role);
    }

    /** A colleague's message in the inbox. */
    private static void deliver(TestStack.Account account, String subject) {
        PortalPages.importIntoInbox(account, "Samir Benali <samir.benali@ac-orleans-tours.fr>", subject,
                "<p>Bonjour, pouvez-vous confirmer ?</p>", Instant.now());
    }
}
