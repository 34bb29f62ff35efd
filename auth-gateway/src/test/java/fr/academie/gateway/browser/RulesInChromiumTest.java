package fr.academie.gateway.browser;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Règles de tri" in a real browser, with the keyboard alone: Samir builds the rule that files and renames his
 * suppliers' PDF quotes (and the next quote from the internet lands where it says, under its new name); Nadia
 * suspends all her rules, then turns them back on one by one, reorders them, tries them on her inbox, and reads a
 * script error under its line; Samir turns his auto-reply on, and the webmail says so; Léna accepts the charter and
 * forwards to her personal address. Each screen passes axe-core with no critical or serious violation.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class RulesInChromiumTest {

    private static final String PAGE = "document.querySelector('portail-app').shadowRoot.querySelector('page-regles').shadowRoot";

    /** The elements, shadow roots included, that reach beyond a 390 px screen. */
    private static final String WIDER_THAN_A_PHONE = """
            const wide = [];
            const walk = (root) => root.querySelectorAll('*').forEach((e) => {
              if (e.getBoundingClientRect().right > 391) { wide.push(e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)); }
              if (e.shadowRoot) { walk(e.shadowRoot); }
            });
            walk(document);
            return wide;""";

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
    void samirBuildsHisPdfRuleWithTheKeyboardAndTheNextQuoteIsFiled() throws Exception {
        TestStack.Account samir = TestStack.get().newAccount("personnel");
        String fiscalite = given(samir).contentType("application/json").body(Map.of("name", "Fiscalité")).post("/folders")
                .then().statusCode(201).extract().path("id");
        String label = given(samir).contentType("application/json").body(Map.of("name", "Devis reçus", "color", "#1f77b4"))
                .post("/labels").then().statusCode(201).extract().path("id");

        browser = PortalPages.signIn(gateway, samir.username(), "/messagerie/regles");
        waitFor(d -> text(PAGE).contains("Vous n'avez pas encore de règle"));
        press(button("Nouvelle règle"), Keys.ENTER);
        waitFor(d -> script("return " + PAGE + ".activeElement && " + PAGE + ".activeElement.name") != null);
        assertEquals("nom", script("return " + PAGE + ".activeElement.name"), "the new rule's name has the focus");
        press(PAGE + ".activeElement", Keys.chord(Keys.CONTROL, "a"), "Devis PDF");
        press(rule(0) + ".querySelector('input[type=\"text\"]:not([name])')", "@papeterie-exemple.fr");
        press(button("Ajouter une condition"), Keys.ENTER);
        press(select(0, "Condition 2"), "A une pièce jointe de type");
        waitFor(d -> script("return " + rule(0) + ".querySelectorAll('fieldset')[0].querySelectorAll('.ligne')[1]"
                + ".querySelector('input')") != null);
        press(rule(0) + ".querySelectorAll('fieldset')[0].querySelectorAll('.ligne')[1].querySelector('input')", "pdf");
        press(select(0, "Dossier"), "Fiscalité");
        press(button("Ajouter une action"), Keys.ENTER);
        press(select(0, "Action 2"), "Mettre l'étiquette");
        press(button("Ajouter une action"), Keys.ENTER);
        press(select(0, "Action 3"), "Renommer les PDF joints");
        waitFor(d -> text(rule(0) + ".querySelector('.phrase')").equals("Si expéditeur contient « @papeterie-exemple.fr » "
                + "et a une pièce jointe de type « pdf » : classer dans « Fiscalité », mettre l'étiquette « Devis reçus », "
                + "renommer les PDF joints « {date}_{expéditeur}_{nom} »."));
        Accessibility.assertNoSeriousViolation(browser, "Règles de tri, une règle ouverte");
        press(button("Enregistrer les règles"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('.fait')").startsWith("Règles enregistrées"));

        JsonPath saved = given(samir).get("/rules").then().statusCode(200).extract().jsonPath();
        assertEquals("Devis PDF", saved.getString("rules[0].name"));
        assertEquals(List.of("FROM", "ATTACHMENT_TYPE"), saved.getList("rules[0].conditions.field"));
        assertEquals(List.of("Fiscalité", "Devis reçus", "{date}_{expéditeur}_{nom}"), saved.getList("rules[0].actions.value"));

        String subject = "Devis " + UUID.randomUUID().toString().substring(0, 8);
        Path message = Files.createTempFile("devis", ".eml");
        Files.writeString(message, "From: Papeterie <devis@papeterie-exemple.fr>\r\nTo: " + samir.email() + "\r\nSubject: "
                + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nCi-joint notre devis.\r\n--b\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename=devis-2026.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "JVBERi0xLjQK\r\n--b--\r\n", StandardCharsets.US_ASCII);
        PortalPages.sendThroughMx("devis@papeterie-exemple.fr", samir, message);
        waitFor(d -> given(samir).get("/folders/{id}/messages", fiscalite).then().extract().jsonPath()
                .getList("items.subject").contains(subject));
        String id = given(samir).get("/folders/{id}/messages", fiscalite).then().extract().jsonPath()
                .getString("items.find { it.subject == '" + subject + "' }.id");
        JsonPath filed = given(samir).get("/messages/{id}", id).then().extract().jsonPath();
        assertEquals(List.of(label), filed.getList("labels.id"));
        assertEquals(List.of(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")) + "_Papeterie_devis-2026.pdf"),
                filed.getList("attachments.fileName"), "named by day, sender and its own name");

        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(List.of(), script(WIDER_THAN_A_PHONE), "nothing is wider than a phone");
        assertTrue(((Number) script("return " + rule(0) + ".getBoundingClientRect().right")).doubleValue() <= 390,
                "the rule fits a phone's width");
    }

    @Test
    void nadiaSuspendsHerRulesThenTurnsThemBackOnOneByOne() {
        TestStack.Account nadia = TestStack.get().newAccount("personnel");
        given(nadia).get("/folders").then().statusCode(200);
        given(nadia).contentType("application/json").body(Map.of("suspended", false, "script", """
                require ["imap4flags"];
                # rule:[Absences]
                if header :contains "subject" "absence" { addflag "\\\\Flagged"; }
                # rule:[Lettres]
                if exists "list-id" { addflag "\\\\Seen"; }
                """)).put("/rules").then().statusCode(200);

        browser = PortalPages.signIn(gateway, nadia.username(), "/messagerie/regles");
        waitFor(d -> text(PAGE).contains("Absences"));
        press(button("Suspendre toutes les règles"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('.suspendues')").contains("aucune ne s'applique"));
        assertEquals(true, given(nadia).get("/rules").then().extract().path("suspended"));

        // every rule off, the rules back on, then one rule at a time
        press(rule(0) + ".querySelector('input[type=\"checkbox\"]')", Keys.SPACE);
        press(rule(1) + ".querySelector('input[type=\"checkbox\"]')", Keys.SPACE);
        press(button("Enregistrer les règles"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('.fait')").contains("dès que vous les réactiverez"));
        press(button("Réactiver les règles"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('.fait')").contains("s'appliquent de nouveau"));
        assertEquals(List.of(false, false), enabled(nadia));
        for (int i = 0; i < 2; i++) {
            press(rule(i) + ".querySelector('input[type=\"checkbox\"]')", Keys.SPACE);
            press(button("Enregistrer les règles"), Keys.ENTER);
            int on = i;
            waitFor(d -> enabled(nadia).equals(on == 0 ? List.of(true, false) : List.of(true, true)));
        }

        // reordered with the keyboard: the focus follows the rule
        press(rule(0) + ".querySelector('button.descendre')", Keys.ENTER);
        waitFor(d -> text(rule(0) + ".querySelector('h2')").contains("Lettres"));
        assertEquals("Monter « Absences »", script("return " + PAGE + ".activeElement.getAttribute('aria-label')"),
                "at the bottom, the focus goes to the button that can move it back");
        press(button("Enregistrer les règles"), Keys.ENTER);
        waitFor(d -> given(nadia).get("/rules").then().extract().jsonPath().getList("rules.name")
                .equals(List.of("Lettres", "Absences")));

        // tried on the inbox before anything changes
        press(button("Tester"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('section[aria-labelledby=\"titre-essai\"] [role=\"status\"]')").contains("rien n'a été modifié"));

        // the advanced tab: an error is shown under its line
        press(PAGE + ".querySelector('#onglet-avance')", Keys.ENTER);
        press(PAGE + ".querySelector('#script')", Keys.chord(Keys.CONTROL, "a"), "require \"fileinto\";\nif true {\n",
                "fileinto \"A\"\n}\n");
        press(button("Enregistrer le script"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('#erreur-script')").contains("Ligne 4"));
        assertEquals("4 │ }", text(PAGE + ".querySelector('#erreur-script pre')"));
        Accessibility.assertNoSeriousViolation(browser, "Règles de tri, onglet Avancé, avec une erreur et un essai");
    }

    @Test
    void samirSetsHisAutoReplyWithTheKeyboardAndTheWebmailSaysItIsOn() {
        TestStack.Account samir = TestStack.get().newAccount("personnel");
        given(samir).get("/folders").then().statusCode(200);
        browser = PortalPages.signIn(gateway, samir.username(), "/messagerie/regles");
        waitFor(d -> text(PAGE).contains("Vous n'avez pas encore de règle"));
        press(PAGE + ".querySelector('#onglet-reponse')", Keys.ENTER);
        String form = PAGE + ".querySelector('form[aria-label=\"Réponse automatique\"]')";
        press(form + ".elements.active", Keys.SPACE);
        press(form + ".elements.objet", "Clôture de l'exercice");
        press(form + ".elements.interne", "Bonjour, je suis en clôture jusqu'au 5 janvier.");
        press(form + ".elements.externe", "Bonjour, vos factures seront traitées après le 5 janvier.");
        press(form + ".elements.jours", Keys.chord(Keys.CONTROL, "a"), "3");
        press(button("Enregistrer la réponse automatique"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('.fait')").startsWith("Réponse automatique enregistrée"));
        JsonPath saved = given(samir).get("/auto-reply").then().statusCode(200).extract().jsonPath();
        assertEquals(true, saved.getBoolean("active"), saved.prettify());
        assertEquals(3, saved.getInt("days"));
        assertEquals("Bonjour, vos factures seront traitées après le 5 janvier.", saved.getString("externalText"));
        Accessibility.assertNoSeriousViolation(browser, "Règles de tri, onglet Réponse automatique");

        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(List.of(), script(WIDER_THAN_A_PHONE), "nothing is wider than a phone");
        browser.get(gateway.resolve("/messagerie").toString());
        String webmail = "document.querySelector('portail-app').shadowRoot.querySelector('page-messagerie').shadowRoot";
        PortalPages.waitFor(browser, webmail, Duration.ofSeconds(20), d -> text(webmail + ".querySelector('.reponse-auto')")
                .replaceAll("\\s+", " ").contains("Votre réponse automatique est activée."));
    }

    @Test
    void lenaForwardsToHerPersonalAddressOnceSheHasAcceptedTheCharter() {
        TestStack.Account lena = TestStack.get().newAccount("personnel");
        given(lena).get("/folders").then().statusCode(200);
        String personal = "lena-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple-perso.fr";
        browser = PortalPages.signIn(gateway, lena.username(), "/messagerie/regles");
        waitFor(d -> text(PAGE).contains("Vous n'avez pas encore de règle"));
        press(button("Nouvelle règle"), Keys.ENTER);
        press(PAGE + ".activeElement", Keys.chord(Keys.CONTROL, "a"), "Vers ma boîte personnelle");
        press(rule(0) + ".querySelector('button[aria-label=\"Retirer la condition 1\"]')", Keys.ENTER);
        press(select(0, "Action 1"), "Transférer à");
        press(rule(0) + ".querySelector('input[name=\"adresse\"]')", personal);
        waitFor(d -> text(rule(0) + ".querySelector('.phrase')").equals("Pour tous les messages : transférer à " + personal + "."));
        press(button("Enregistrer les règles"), Keys.ENTER);
        waitFor(d -> text(rule(0) + ".querySelector('.erreur')").contains("acceptez d'abord la charte de transfert"));

        press(PAGE + ".querySelector('#onglet-transferts')", Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('[role=\"tabpanel\"]')").contains("Charte de transfert (version"));
        press(button("J'accepte la charte"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('[role=\"tabpanel\"]')").replaceAll("\\s+", " ")
                .contains("Charte de transfert acceptée (version"));
        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(List.of(), script(WIDER_THAN_A_PHONE), "nothing is wider than a phone");
        Accessibility.assertNoSeriousViolation(browser, "Règles de tri, onglet Transferts, sur un téléphone");

        press(PAGE + ".querySelector('#onglet-regles')", Keys.ENTER);
        press(button("Enregistrer les règles"), Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('.fait')").startsWith("Règles enregistrées"));
        JsonPath saved = given(lena).get("/rules").then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("kind", "FORWARD", "value", personal, "copy", true), saved.getMap("rules[0].actions[0]"));
        press(PAGE + ".querySelector('#onglet-transferts')", Keys.ENTER);
        waitFor(d -> text(PAGE + ".querySelector('[role=\"tabpanel\"]')").replaceAll("\\s+", " ")
                .contains("Transfert vers " + personal + " activé (règle « Vers ma boîte personnelle »"));
    }

    private List<Boolean> enabled(TestStack.Account account) {
        return given(account).get("/rules").then().extract().jsonPath().getList("rules.enabled");
    }

    private static String rule(int index) {
        return PAGE + ".querySelector('#regle-" + index + "')";
    }

    private static String button(String name) {
        return "[..." + PAGE + ".querySelectorAll('button')].find(b => b.textContent.trim() === '" + name.replace("'", "\\'") + "')";
    }

    /** The list of the rule's labelled choice ("Condition 2", "Dossier"). */
    private static String select(int rule, String label) {
        return "[..." + rule(rule) + ".querySelectorAll('label')].find(l => [...l.childNodes].filter(n => n.nodeType === 3)"
                + ".map(n => n.textContent).join('').trim() === '" + label.replace("'", "\\'") + "').querySelector('select')";
    }

    /** Keys typed into the element, which takes the focus as a Tab would give it. */
    private void press(String element, CharSequence... keys) {
        waitFor(d -> script("return " + element) != null);
        ((WebElement) script("return " + element)).sendKeys(keys);
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
}
