package fr.academie.colibris.request;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A head of school asks an inspector's opinion on a request: the inspector finds it in their own list, sees the
 * request, answers once; the head reads the answer and is told of it; the person never sees the opinions.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class OpinionTest {

    private static final Map<String, Object> TRAINING = Map.of("intitule", "Préparation à l'agrégation interne",
            "organisme", "CNED", "dateDebut", "2027-01-11", "dureeHeures", 120);

    @Inject
    Requests requests;

    @Test
    void theHeadAsksAnInspectorsOpinionWhichTheInspectorGivesOnceFromTheirList() {
        TestStack stack = TestStack.get();
        String school = "O" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        TestStack.Account teacherAccount = stack.newAccount(Map.of("uai", school), "personnel", "enseignant");
        String teacher = stack.accessToken(teacherAccount.username());
        TestStack.Account headAccount = stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement");
        String head = stack.accessToken(headAccount.username());
        TestStack.Account inspectorAccount = stack.newAccount("personnel", "inspecteur");
        String inspector = stack.accessToken(inspectorAccount.username());
        String hr = stack.accessToken(stack.newAccount("personnel", "gestionnaire-rh").username());
        String stranger = stack.accessToken(stack.newAccount(Map.of("uai", "0370035M"), "personnel", "enseignant").username());
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("type", "formation", "form", TRAINING))
                .post("/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/requests/{id}/submit", id).then().statusCode(200);
        given().auth().oauth2(inspector).get("/requests/{id}", id).then().statusCode(404); // not asked yet

        Map<String, Object> question = Map.of("colleague", inspectorAccount.username(),
                "question", "Cette préparation est-elle compatible avec son service ?");
        ask(teacher, id, question).statusCode(403).contentType("application/problem+json");
        ask(hr, id, question).statusCode(403).body("type", is("urn:portail:colibris:not-your-step"));
        ask(stranger, id, question).statusCode(404);
        ask(head, id, Map.of("colleague", "personne-inconnue", "question", "?")).statusCode(400).body("field", is("colleague"));
        ask(head, id, Map.of("colleague", teacherAccount.username(), "question", "?")).statusCode(422)
                .body("field", is("colleague"));
        ask(head, id, Map.of("colleague", inspectorAccount.username(), "question", " ")).statusCode(400)
                .body("field", is("question"));

        String opinion = ask(head, id, question).statusCode(201).body("answer", nullValue()).extract().path("id");
        given().auth().oauth2(head).get("/requests/{id}", id).then().body("actions", hasItem("ask-opinion"));
        given().auth().oauth2(inspector).get("/opinions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].question", is("Cette préparation est-elle compatible avec son service ?"))
                .body("items[0].requestId", is(id));
        given().auth().oauth2(inspector).get("/requests/{id}", id).then().statusCode(200); // asked: may read it

        answer(stranger, opinion, "Non.").statusCode(404);
        answer(inspector, opinion, "Oui, sur son temps de formation.").statusCode(200)
                .body("answer", is("Oui, sur son temps de formation."));
        answer(inspector, opinion, "Finalement non.").statusCode(409).body("detail", containsString("déjà donné"));

        given().auth().oauth2(head).get("/requests/{id}", id).then()
                .body("opinions[0].answer", is("Oui, sur son temps de formation."));
        given().auth().oauth2(teacher).get("/requests/{id}", id).then().body("opinions", nullValue());
        assertEquals(1, requests.noticesTo(UUID.fromString(id), inspectorAccount.id()).stream()
                .filter(n -> n.subject.startsWith("Avis demandé")).count());
        assertTrue(requests.noticesTo(UUID.fromString(id), headAccount.id()).stream()
                .anyMatch(n -> n.subject.startsWith("Avis donné") && n.text.contains("« Oui, sur son temps de formation. »")));
        assertTrue(requests.noticesTo(UUID.fromString(id), teacherAccount.id()).stream()
                .noneMatch(n -> n.subject.startsWith("Avis")), "the person is not told of opinions");
    }

    private static ValidatableResponse ask(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/requests/{id}/opinions", id).then();
    }

    private static ValidatableResponse answer(String token, String opinion, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("answer", text))
                .post("/opinions/{id}", opinion).then();
    }
}
