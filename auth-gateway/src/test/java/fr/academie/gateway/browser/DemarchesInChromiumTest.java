package fr.academie.gateway.browser;

import fr.academie.stack.Service;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Colibris story in a real browser, with the demo accounts: Léna files a part-time request during its campaign;
 * Paul, her head of school, then Claire (HR) approve it; her académie mailbox holds the three notifications, each with
 * the new status and the link; the link opens the request in the portal without signing in again; her message in the
 * exchanges reaches Claire's mailbox.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class DemarchesInChromiumTest {

    private static final String PAGE = "document.querySelector('portail-app').shadowRoot.querySelector('page-demarches').shadowRoot";

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
    void aSubmissionShowsEveryErrorAtOnceKeepsNothingUntilRightAndADraftIsDeletedNotWithdrawn() {
        TestStack.Account teacher = TestStack.get().newAccount(Map.of("uai", "0450042K"), "personnel", "enseignant");
        String token = TestStack.get().accessToken(teacher.username());
        signIn(teacher.username(), "/demarches/nouvelle");
        waitFor(d -> text(PAGE + ".querySelector('.types')").contains("Autorisation d'absence"));
        ((WebElement) script("return [..." + PAGE + ".querySelectorAll('.types button')]"
                + ".find(b => b.querySelector('strong').textContent === \"Autorisation d'absence\")")).click();
        String form = PAGE + ".querySelector('demarche-formulaire').shadowRoot";
        String submit = PAGE + ".querySelector('.actions .bouton:not(.secondaire)')";
        click(submit);
        waitFor(d -> text(form + ".querySelector('[role=alert]')").equals("3 champs sont à corriger avant de déposer la demande."));
        assertEquals(List.of("« Motif » est obligatoire.", "« Premier jour d'absence » est obligatoire.",
                "« Dernier jour d'absence » est obligatoire."),
                script("return [..." + form + ".querySelectorAll('.champ .erreur')].map(e => e.textContent.trim())"));
        assertEquals("champ-motif", script("return " + form + ".activeElement && " + form + ".activeElement.id"),
                "the first field at fault has the focus");

        choose(form + ".querySelector('#champ-motif')", "examen ou concours");
        script("const f = " + form + "; f.querySelector('#champ-dateDebut').value = '2027-03-16';"
                + " f.querySelector('#champ-dateFin').value = '2027-03-15';");
        click(submit);
        waitFor(d -> text(form + ".querySelector('#erreur-dateFin')")
                .equals("« Dernier jour d'absence » ne peut pas précéder « Premier jour d'absence »."));
        assertEquals(List.of(), colibris(token).get("/requests").then().statusCode(200).extract().jsonPath().getList("items"),
                "nothing was kept: a draft only when asked");

        click(PAGE + ".querySelector('.actions .bouton.secondaire')"); // "Enregistrer le brouillon"
        waitFor(d -> browser.getCurrentUrl().matches(".*/demarches/[0-9a-f-]{36}$")
                && text(PAGE + ".querySelector('#statut')").equals("Brouillon"));
        script("window.confirm = () => true;");
        click("[..." + PAGE + ".querySelector('demarche-demande').querySelectorAll('button')]"
                + ".find(b => b.textContent.trim() === 'Supprimer le brouillon')");
        waitFor(d -> browser.getCurrentUrl().equals(gateway.resolve("/demarches").toString())
                && text(PAGE + ".querySelector('.fait')").equals("Brouillon supprimé."));
        assertEquals(List.of(), colibris(token).get("/requests").then().statusCode(200).extract().jsonPath().getList("items"));
    }

    @Test
    void aPartTimeRequestFiledInTheBrowserIsDecidedAndItsNotificationsLeadBackToIt() throws Exception {
        TestStack stack = TestStack.get();
        openPartTimeCampaign();
        // the demo accounts themselves: Léna (teacher at 0450042K), Paul (its head of school), Claire (HR)
        String head = stack.accessToken("pleroy");
        String hr = stack.accessToken("cdurand");

        signIn("lmartin", "/demarches/nouvelle");
        waitFor(d -> text(PAGE + ".querySelector('.types')").contains("Temps partiel"));
        ((WebElement) script("return [..." + PAGE + ".querySelectorAll('.types button')]"
                + ".find(b => b.querySelector('strong').textContent === 'Temps partiel')")).click();
        waitFor(d -> text(PAGE + ".querySelector('#titre-type')").equals("Temps partiel"));
        String form = PAGE + ".querySelector('demarche-formulaire').shadowRoot";
        ((WebElement) script("return " + form + ".querySelector('#champ-anneeScolaire')")).sendKeys("2027-2028");
        choose(form + ".querySelector('#champ-nature')", "sur autorisation");
        choose(form + ".querySelector('#champ-quotite')", "80");
        click(PAGE + ".querySelector('.actions .bouton:not(.secondaire)')");
        waitFor(d -> browser.getCurrentUrl().matches(".*/demarches/[0-9a-f-]{36}$")
                && text(PAGE + ".querySelector('#statut')").equals("En cours d'examen"));
        String id = browser.getCurrentUrl().replaceAll(".*/demarches/", "");
        long number = colibris(head).get("/requests/{id}", id).then().statusCode(200).extract().jsonPath().getLong("number");

        decide(head, id, 1, "Avis favorable.");
        decide(hr, id, 2, "Accordé pour l'année 2027-2028.");

        // her mailbox: the three notifications, each saying what changed, with the link to the request
        String token = stack.accessToken("lmartin");
        String prefix = "Demande n° " + number + " (Temps partiel) : ";
        List<String> expected = List.of(prefix + "acceptée", prefix + "acceptée à l'étape « Avis du chef d'établissement »",
                prefix + "déposée");
        waitFor(d -> subjects(token, prefix).equals(expected));
        String inbox = mail(token).get("/folders").then().extract().jsonPath().getString("items.find { it.systemRole == 'INBOX' }.id");
        String last = mail(token).get("/folders/{id}/messages?limit=50", inbox).then().extract().jsonPath()
                .getString("items.find { it.subject == '" + prefix.replace("'", "\\'") + "acceptée' }.id");
        String text = mail(token).get("/messages/{id}", last).then().statusCode(200).extract().path("text");
        assertTrue(text.contains("Commentaire : Accordé pour l'année 2027-2028."), text);
        Matcher link = Pattern.compile("https?://\\S+(/demarches/" + id + ")").matcher(text);
        assertTrue(link.find(), text);

        // the link, in the same browser: the request, no sign-in form on the way
        browser.get(gateway.resolve(link.group(1)).toString());
        waitFor(d -> text(PAGE + ".querySelector('#statut')").equals("Acceptée"));
        assertEquals(gateway.resolve(link.group(1)).toString(), browser.getCurrentUrl());
        String history = text(PAGE + ".querySelector('ol.historique')");
        assertTrue(history.contains("Demande acceptée") && history.contains("Avis favorable."), history);

        // she thanks them in the exchanges: on her page at once, and in the mailbox of HR, who decided last
        ((WebElement) script("return " + PAGE + ".querySelector('#message')")).sendKeys("Merci pour votre accord.");
        click(PAGE + ".querySelector('section[aria-labelledby=titre-echanges] .bouton')");
        waitFor(d -> text(PAGE + ".querySelector('ol.echanges')").contains("Merci pour votre accord."));
        String claire = stack.accessToken("cdurand");
        waitFor(d -> subjects(claire, prefix).equals(List.of(prefix + "nouveau message")));
    }

    /**
     * The deciders' parts of the page, each in the browser: Paul, head of Léna's school, delegates his decisions for an
     * absence (a colleague unknown is refused under the field) and asks HR's opinion on her request; Claire answers it
     * from "Avis demandés", and on her desk an extension of a campaign to before its closing is refused under the field.
     */
    @Test
    void theDecidersDelegateAskAnOpinionAndHrAnswersItFromTheirPages() throws Exception {
        TestStack stack = TestStack.get();
        openPartTimeCampaign();
        String id = submittedPartTimeRequest(stack.accessToken("lmartin"));
        TestStack.Account colleague = stack.newAccount(Map.of("uai", "0450042K"), "personnel", "chef-etablissement");
        String later = LocalDate.now().plusDays(30).toString(); // not running today: no other test sees it

        browser = PortalPages.signInWithSecondFactor(gateway, "pleroy", "/demarches/a-traiter");
        String delegations = PAGE + ".querySelector('demarches-delegations')";
        waitFor(d -> text(delegations + ".querySelector('#titre-delegations')").equals("Délégations"));
        delegate(delegations, "personne.inconnue", later);
        waitFor(d -> text(delegations + ".querySelector('.erreur')").contains("Aucun compte actif n'a l'identifiant"));
        delegate(delegations, colleague.username(), later);
        waitFor(d -> text(delegations).contains("Vous avez délégué vos décisions")
                && text(delegations).contains("À Camille Essai"));

        browser.get(gateway.resolve("/demarches/" + id).toString());
        String opinions = PAGE + ".querySelector('section[aria-labelledby=titre-avis]')";
        waitFor(d -> script("return " + opinions + ".querySelector('form')") != null);
        ((WebElement) script("return " + opinions + ".querySelector('input[name=colleague]')")).sendKeys("cdurand");
        ((WebElement) script("return " + opinions + ".querySelector('input[name=question]')"))
                .sendKeys("Le service peut-il être réorganisé ?");
        click(opinions + ".querySelector('button')");
        waitFor(d -> text(opinions + ".querySelector('ol.echanges')").contains("Le service peut-il être réorganisé ?"));
        browser.quit();

        browser = PortalPages.signInWithSecondFactor(gateway, "cdurand", "/demarches/avis");
        String asked = PAGE + ".querySelector('section[aria-label=\"Avis demandés\"]')";
        waitFor(d -> script("return " + asked + ".querySelector('textarea[name=answer]')") != null);
        ((WebElement) script("return " + asked + ".querySelector('textarea[name=answer]')")).sendKeys("Oui, dès la rentrée.");
        click(asked + ".querySelector('form button')");
        waitFor(d -> text(PAGE + ".querySelector('.fait')").equals("Avis enregistré.")
                && text(asked).contains("Avis : Oui, dès la rentrée."));

        browser.get(gateway.resolve("/demarches/suivi").toString());
        String desk = PAGE + ".querySelector('demarches-suivi')";
        waitFor(d -> text(desk + ".querySelector('#titre-campagnes')").equals("Campagnes")
                && text(desk).contains("Temps partiel"));
        script("const form = " + desk + ".querySelector('section[aria-labelledby=titre-campagnes] form');"
                + "form.querySelector('[name=closesAt]').value = '2020-01-06T18:00';"
                + "form.querySelector('[name=reason]').value = 'Grève des transports';");
        click(desk + ".querySelector('section[aria-labelledby=titre-campagnes] form button')");
        waitFor(d -> text(desk + ".querySelector('section[aria-labelledby=titre-campagnes] .erreur')")
                .contains("La nouvelle clôture doit être après la clôture actuelle"));
    }

    /** Fills in and sends the delegation form: to whom, from and to that day. */
    private void delegate(String delegations, String username, String day) {
        script("const form = " + delegations + ".querySelector('form');"
                + "form.querySelector('[name=delegate]').value = arguments[0];"
                + "form.querySelector('[name=from]').value = arguments[1];"
                + "form.querySelector('[name=to]').value = arguments[1];", username, day);
        click(delegations + ".querySelector('form button')");
    }

    /** A part-time request of Léna's, submitted: it waits at her head of school's step. */
    private static String submittedPartTimeRequest(String token) {
        io.restassured.path.json.JsonPath draft = colibris(token).contentType(ContentType.JSON).body(Map.of("type",
                        "temps-partiel", "form", Map.of("anneeScolaire", "2027-2028", "nature", "sur autorisation", "quotite", 80)))
                .post("/requests").then().statusCode(201).extract().jsonPath();
        colibris(token).contentType(ContentType.JSON).body(Map.of("version", draft.getLong("version")))
                .post("/requests/{id}/submit", draft.getString("id")).then().statusCode(200);
        return draft.getString("id");
    }

    /** The campaign open around today, whatever the day the test runs (HR sets the windows each year). */
    private static void openPartTimeCampaign() throws Exception {
        TestStack.get().service(Service.COLIBRIS); // migrated and its catalogue loaded
        try (Connection connection = DriverManager.getConnection(TestStack.get().stack().jdbcUrl("colibris"), "colibris", "");
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("update campaign set opens_at = now() - interval '1 day', closes_at = now() + interval '30 days',"
                    + " extended_until = null where type_code = 'temps-partiel'");
        }
    }

    private static void decide(String token, String id, int step, String comment) {
        long version = colibris(token).get("/requests/{id}", id).then().statusCode(200)
                .body("step.number", org.hamcrest.Matchers.is(step)).extract().jsonPath().getLong("version");
        colibris(token).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "comment", comment, "version", version))
                .post("/requests/{id}/decision", id).then().statusCode(200);
    }

    private static List<String> subjects(String token, String prefix) {
        String inbox = mail(token).get("/folders").then().extract().jsonPath().getString("items.find { it.systemRole == 'INBOX' }.id");
        return mail(token).get("/folders/{id}/messages?limit=50", inbox).then().extract().jsonPath()
                .getList("items.subject", String.class).stream().filter(s -> s.startsWith(prefix)).toList();
    }

    private static RequestSpecification colibris(String token) {
        return io.restassured.RestAssured.given().baseUri(TestStack.get().service(Service.COLIBRIS)).auth().oauth2(token);
    }

    private static RequestSpecification mail(String token) {
        return io.restassured.RestAssured.given().baseUri(TestStack.get().service(Service.MAIL)).auth().oauth2(token);
    }

    private void signIn(String username, String path) {
        browser = PortalPages.signIn(gateway, username, path);
    }

    private void choose(String select, String value) {
        waitFor(d -> script("return " + select) != null);
        script("const s = " + select + "; s.value = arguments[0]; s.dispatchEvent(new Event('change'));", value);
    }

    private void click(String element) {
        waitFor(d -> script("return " + element) != null);
        ((WebElement) script("return " + element)).click();
    }

    private Object script(String script, Object... arguments) {
        return PortalPages.script(browser, script, arguments);
    }

    private String text(String element) {
        return PortalPages.text(browser, element).trim();
    }

    private void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, PAGE, Duration.ofSeconds(30), condition);
    }
}
