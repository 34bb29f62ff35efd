package fr.academie.colibris.request;

import fr.academie.common.date.FrenchDates;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What HR alone sees: where each notification stands, and the requests of a type and period as a spreadsheet. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class HrViewsTest {

    private static final Map<String, Object> TRAINING = Map.of("intitule", "Histoire des arts; « lycée »",
            "organisme", "Canopé", "dateDebut", "2027-01-11", "dureeHeures", 12);

    private String teacher;
    private String hr;

    @BeforeEach
    void people() {
        TestStack stack = TestStack.get();
        teacher = stack.accessToken(stack.newAccount(Map.of("uai", "0450042K"), "personnel", "enseignant").username());
        hr = stack.accessToken(stack.newAccount("personnel", "gestionnaire-rh").username());
    }

    @Test
    void hrSeesEachNotificationDeliveredAndNobodyElseDoes() {
        String id = submitted(TRAINING);
        String toHer = "deliveries.find { it.subject.endsWith('(Formation) : déposée') }";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(hr).get("/requests/{id}", id).then()
                .extract().path(toHer + ".deliveredAt") != null);
        given().auth().oauth2(hr).get("/requests/{id}", id).then().statusCode(200)
                .body(toHer + ".recipientName", is("Camille Essai"))
                .body(toHer + ".attempts", is(1)).body(toHer + ".nextAttemptAt", nullValue())
                // and the one for whoever decides the first step, spread to each of them
                .body("deliveries.recipientName", hasItem("Avis du chef d'établissement (0450042K)"));
        given().auth().oauth2(hr).get("/deliveries?waiting=false&limit=200").then().statusCode(200)
                .body("items.requestId", hasItem(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(hr).get("/requests/{id}", id).then()
                .extract().<Integer>path("deliveries.findAll { it.deliveredAt == null }.size()") == 0);
        given().auth().oauth2(hr).get("/deliveries").then().statusCode(200)
                .body("items.requestId", not(hasItem(id))); // all delivered: no longer waiting

        given().auth().oauth2(teacher).get("/requests/{id}", id).then().statusCode(200).body("deliveries", nullValue());
        given().auth().oauth2(teacher).get("/deliveries").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(hr).get("/deliveries?cursor=nonsense").then().statusCode(400).body("field", is("cursor"));
    }

    @Test
    void hrExportsTheRequestsOfATypeSubmittedInAPeriod() {
        String number = String.valueOf(given().auth().oauth2(teacher).get("/requests/{id}", submitted(TRAINING)).then()
                .extract().<Integer>path("number"));
        String draft = given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(Map.of("type", "formation", "form", Map.of("intitule", "Brouillon jamais déposé"))).post("/requests")
                .then().statusCode(201).extract().path("number").toString();
        String today = LocalDate.now(FrenchDates.PARIS).toString();

        String csv = export(hr, "type=formation&from=" + today + "&to=" + today).statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", is("attachment; filename=\"colibris-formation-" + today + "-" + today + ".csv\""))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFNuméro;Type;Statut;Demandeur;UAI;Étape en cours;Échéance;Déposée le;Décidée le;"
                + "Intitulé de la formation;Organisme;Date de début;Durée (heures)"), csv); // the form's own order
        List<String> line = csv.lines().filter(l -> l.startsWith(number + ";")).toList();
        assertEquals(1, line.size(), csv);
        assertTrue(line.get(0).contains(";Formation;en cours d'examen;Camille Essai;0450042K;Avis du chef d'établissement;"),
                line.get(0));
        assertTrue(line.get(0).contains(";\"Histoire des arts; « lycée »\";Canopé;2027-01-11;12"), line.get(0));
        assertTrue(csv.lines().noneMatch(l -> l.startsWith(draft + ";")), "a draft is its owner's only");
        String yesterday = LocalDate.now(FrenchDates.PARIS).minusDays(1).toString();
        assertTrue(export(hr, "type=formation&from=" + yesterday + "&to=" + yesterday).statusCode(200).extract().asString()
                .lines().noneMatch(l -> l.startsWith(number + ";")), "submitted today, not yesterday");

        export(teacher, "type=formation&from=" + today + "&to=" + today).statusCode(403);
        export(hr, "type=mutation-lune&from=" + today + "&to=" + today).statusCode(400)
                .contentType("application/problem+json").body("field", is("type"));
        export(hr, "type=formation&from=1er janvier&to=" + today).statusCode(400).body("field", is("from"))
                .body("detail", containsString("AAAA-MM-JJ"));
        export(hr, "type=formation&from=" + today).statusCode(400).body("field", is("to"));
        export(hr, "type=formation&from=" + today + "&to=" + yesterday).statusCode(400).body("field", is("to"));
    }

    private String submitted(Map<String, Object> form) {
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(Map.of("type", "formation", "form", form)).post("/requests").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/requests/{id}/submit", id).then().statusCode(200).body("status", is("IN_REVIEW"))
                .body("deliveries", nullValue());
        return id;
    }

    private static ValidatableResponse export(String token, String query) {
        return given().auth().oauth2(token).get("/export?" + query).then();
    }
}
