package fr.academie.gateway.browser;

import fr.academie.stack.Service;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page's "À faire": what waits for the person, each with its date — a window of her career closing, a
 * request waiting for her decision — and the count of her requests still going on.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class HomeInChromiumTest {

    private static final String HOME = "document.querySelector('portail-app').shadowRoot"
            + ".querySelector('page-accueil').shadowRoot";
    private static final String TODO = HOME + ".querySelector('[data-carte=\"a-faire\"]')";

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
    void lenaSeesHerObservationWindowClosingWithItsDateInWords() {
        browser = PortalPages.signIn(gateway, "lmartin", "/");
        waitFor(d -> PortalPages.text(d, TODO).contains("Observations sur le compte rendu"));
        String todo = PortalPages.text(browser, TODO).replaceAll("\\s+", " ");
        assertTrue(todo.matches(".*Observations sur le compte rendu de votre rendez-vous de carrière jusqu'au "
                + "(1er|[0-9]{1,2}) [a-zéû]+ 20[0-9]{2} \\((dernier jour|demain|dans [0-9]+ jours)\\).*"), todo);
        Screen.PHONE.emulate(browser);
        Screen.PHONE.assertFits(browser, "l'accueil de Léna");
    }

    @Test
    void aHeadOfSchoolFindsTheRequestWaitingForHerDecisionAndItsAuthorCountsItAsGoingOn() {
        TestStack.Account teacher = TestStack.get().newAccount(Map.of("uai", "0450042K"), "personnel", "enseignant");
        long number = submittedAbsenceRequest(TestStack.get().accessToken(teacher.username()));

        browser = PortalPages.signInWithSecondFactor(gateway, "pleroy", "/");
        String request = "Demande n° " + number + " de Camille Essai (Autorisation d'absence) : à décider";
        waitFor(d -> PortalPages.text(d, TODO).contains(request));
        String todo = PortalPages.text(browser, TODO).replaceAll("\\s+", " ");
        assertTrue(todo.matches(".*" + Pattern.quote(request) + " attendue le (1er|[0-9]{1,2}) [a-zéû]+ 20[0-9]{2}.*"), todo);
        browser.quit();

        browser = PortalPages.signIn(gateway, teacher.username(), "/");
        waitFor(d -> PortalPages.text(d, HOME + ".querySelector('[data-valeur=\"demarches\"]')").equals("1"));
        assertEquals("1 demande en cours", PortalPages.text(browser, HOME + ".querySelector('[data-carte=\"demarches\"] a')")
                .replaceAll("\\s+", " ").strip());
        waitFor(d -> PortalPages.text(d, TODO).contains("Rien ne vous attend pour le moment."));
    }

    /** An absence request, submitted: it waits at the head of the teacher's school. */
    private static long submittedAbsenceRequest(String token) {
        LocalDate day = LocalDate.now().plusDays(20);
        JsonPath draft = colibris(token).contentType(ContentType.JSON).body(Map.of("type", "autorisation-absence",
                        "form", Map.of("motif", "examen ou concours", "dateDebut", day.toString(), "dateFin", day.toString())))
                .post("/requests").then().statusCode(201).extract().jsonPath();
        colibris(token).contentType(ContentType.JSON).body(Map.of("version", draft.getLong("version")))
                .post("/requests/{id}/submit", draft.getString("id")).then().statusCode(200);
        return draft.getLong("number");
    }

    private static RequestSpecification colibris(String token) {
        return RestAssured.given().baseUri(TestStack.get().service(Service.COLIBRIS)).auth().oauth2(token);
    }

    private void waitFor(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        PortalPages.waitFor(browser, HOME, Duration.ofSeconds(20), condition);
    }
}
