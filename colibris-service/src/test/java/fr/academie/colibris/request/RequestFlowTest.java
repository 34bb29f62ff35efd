package fr.academie.colibris.request;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request's life through the API with real tokens: a teacher files a training request, her head of school then
 * HR decide; who sees it and who may act at each step; the form checked field by field; two deciders at once.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class RequestFlowTest {

    private static final String SCHOOL = "0450042K";
    private static final Map<String, Object> TRAINING = Map.of("intitule", "Préparation à l'agrégation interne",
            "organisme", "CNED", "dateDebut", "2027-01-11", "dureeHeures", 120);

    @Inject
    Requests requests;

    private String teacher;
    private String head;
    private String otherHead;
    private String hr;
    private String colleague;

    @BeforeEach
    void people() {
        TestStack stack = TestStack.get();
        teacher = token(stack.newAccount(Map.of("uai", SCHOOL), "personnel", "enseignant"));
        head = token(stack.newAccount(Map.of("uai", SCHOOL), "personnel", "chef-etablissement"));
        otherHead = token(stack.newAccount(Map.of("uai", "0370035M"), "personnel", "chef-etablissement"));
        hr = token(stack.newAccount("personnel", "gestionnaire-rh"));
        colleague = token(stack.newAccount(Map.of("uai", SCHOOL), "personnel", "enseignant"));
    }

    @Test
    void aTrainingRequestGoesFromTheDraftToHeadOfSchoolThenHrWithItsHistory() {
        String id = create(teacher, "formation", Map.of("intitule", "Préparation à l'agrégation interne"))
                .body("status", is("DRAFT")).body("number", greaterThan(0))
                .body("actions", contains("edit", "submit", "withdraw")).extract().path("id");

        // the form is checked field by field, in French, when submitted
        post(teacher, id, "submit", Map.of("version", 0)).statusCode(422).contentType("application/problem+json")
                .body("field", is("form.organisme")).body("detail", containsString("« Organisme » est obligatoire"));
        put(teacher, id, Map.of("form", Map.of("intitule", "Agrégation", "organisme", "CNED", "dateDebut", "2027-01-11",
                "dureeHeures", 900), "version", 0)).statusCode(200);
        post(teacher, id, "submit", Map.of("version", 1)).statusCode(422).body("field", is("form.dureeHeures"))
                .body("detail", containsString("de 1 à 500 heures"));
        put(teacher, id, Map.of("form", TRAINING, "version", 1)).statusCode(200);
        post(teacher, id, "submit", Map.of("version", 2)).statusCode(200)
                .body("status", is("IN_REVIEW")).body("step.number", is(1)).body("step.of", is(2))
                .body("step.label", is("Avis du chef d'établissement")).body("step.dueAt", notNullValue())
                .body("actions", contains("withdraw", "write"));

        // who sees it now: the person, her head of school, HR; not a colleague nor another school's head
        given().auth().oauth2(colleague).get("/requests/{id}", id).then().statusCode(404)
                .body("type", is("urn:portail:colibris:request-not-found"));
        given().auth().oauth2(otherHead).get("/requests/{id}", id).then().statusCode(404);
        post(otherHead, id, "decision", Map.of("decision", "APPROVE", "version", 3)).statusCode(404);
        given().auth().oauth2(otherHead).get("/to-decide").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(head).get("/to-decide").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(hr).get("/requests/{id}", id).then().statusCode(200).body("actions", contains("write", "note"));
        post(hr, id, "decision", Map.of("decision", "APPROVE", "version", 3)).statusCode(403)
                .body("type", is("urn:portail:colibris:not-your-step"));
        post(head, id, "withdraw", Map.of("version", 3)).statusCode(403).body("type", is("urn:portail:colibris:not-the-owner"));

        // a refusal needs its reason; the head approves, then HR
        post(head, id, "decision", Map.of("decision", "REFUSE", "comment", " ", "version", 3)).statusCode(400)
                .body("field", is("comment"));
        post(head, id, "decision", Map.of("decision", "APPROVE", "comment", "Avis favorable.", "version", 3)).statusCode(200)
                .body("step.number", is(2)).body("step.label", is("Décision de la DPE"));
        given().auth().oauth2(head).get("/requests/{id}", id).then().statusCode(200).body("actions", contains("write", "note"));
        given().auth().oauth2(hr).get("/to-decide").then().statusCode(200).body("items.id", hasItem(id));
        post(hr, id, "decision", Map.of("decision", "APPROVE", "version", 4)).statusCode(200)
                .body("status", is("APPROVED")).body("decidedAt", notNullValue()).body("step", is((Object) null))
                .body("history.kind", contains("CREATED", "SUBMITTED", "APPROVED_STEP", "APPROVED"))
                .body("history[2].comment", is("Avis favorable.")).body("history[3].toStatus", is("APPROVED"));
        post(teacher, id, "withdraw", Map.of("version", 5)).statusCode(409)
                .body("type", is("urn:portail:colibris:transition-refused")).body("detail", containsString("acceptée"));
    }

    @Test
    void aDraftIsDeletedByItsOwnerOnlyAndASubmittedRequestCannotBe() {
        String draft = create(teacher, "formation", TRAINING).extract().path("id");
        given().auth().oauth2(head).delete("/requests/{id}", draft).then().statusCode(404); // unseen by anyone else
        given().auth().oauth2(teacher).delete("/requests/{id}", draft).then().statusCode(204);
        given().auth().oauth2(teacher).get("/requests/{id}", draft).then().statusCode(404);
        given().auth().oauth2(teacher).delete("/requests/{id}", draft).then().statusCode(404);

        String submitted = create(teacher, "formation", TRAINING).extract().path("id");
        post(teacher, submitted, "submit", Map.of("version", 0)).statusCode(200);
        given().auth().oauth2(teacher).delete("/requests/{id}", submitted).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", is("Cette démarche est en cours d'examen : il n'est pas possible de la supprimer."));
        given().auth().oauth2(teacher).get("/requests/{id}", submitted).then().statusCode(200).body("status", is("IN_REVIEW"));
    }

    @Test
    void twoDecidersAtOnceOneWinsTheOtherIsToldSomeoneActed() {
        String secondHead = token(TestStack.get().newAccount(Map.of("uai", SCHOOL), "personnel", "chef-etablissement"));
        String id = create(teacher, "formation", TRAINING).extract().path("id");
        post(teacher, id, "submit", Map.of("version", 0)).statusCode(200);
        var approve = CompletableFuture.supplyAsync(() -> post(head, id, "decision",
                Map.of("decision", "APPROVE", "version", 1)).extract().statusCode());
        var refuse = CompletableFuture.supplyAsync(() -> post(secondHead, id, "decision",
                Map.of("decision", "REFUSE", "comment", "Non.", "version", 1)).extract().statusCode());
        List<Integer> outcomes = List.of(approve.join(), refuse.join());
        assertEquals(1, outcomes.stream().filter(s -> s == 200).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(s -> s == 409).count(), outcomes.toString());
        given().auth().oauth2(teacher).get("/requests/{id}", id).then().statusCode(200)
                .body("history.size()", is(3)).body("version", is(2));
        // a stale version is refused the same way, naming it
        post(teacher, id, "withdraw", Map.of("version", 1)).statusCode(409).body("field", is("version"))
                .body("type", is("urn:portail:colibris:request-changed"));
    }

    @Test
    void aReturnedRequestIsCompletedAndResumesWhereItWasReturned() {
        String id = create(teacher, "formation", TRAINING).extract().path("id");
        post(teacher, id, "submit", Map.of("version", 0)).statusCode(200);
        post(head, id, "decision", Map.of("decision", "APPROVE", "version", 1)).statusCode(200);
        post(hr, id, "decision", Map.of("decision", "RETURN", "version", 2)).statusCode(400).body("field", is("comment"));
        post(hr, id, "decision", Map.of("decision", "RETURN", "comment", "Joignez le programme.", "version", 2))
                .statusCode(200).body("status", is("RETURNED")).body("actions", contains("write", "note"));
        given().auth().oauth2(teacher).get("/requests/{id}", id).then()
                .body("actions", contains("edit", "submit", "withdraw", "write"));
        put(teacher, id, Map.of("form", Map.of("intitule", "Agrégation interne", "organisme", "CNED", "dateDebut",
                "2027-01-11", "dureeHeures", 150), "version", 3)).statusCode(200);
        post(teacher, id, "submit", Map.of("version", 4)).statusCode(200).body("status", is("IN_REVIEW"))
                .body("step.number", is(2)).body("history[-1].kind", is("RESUBMITTED"));
    }

    @Test
    void aCampaignTypeIsRefusedOutsideItsWindowWithTheDates() {
        Instant now = Instant.now();
        requests.campaignWindow("disponibilite", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(30)));
        Map<String, Object> form = Map.of("motif", "suivre son conjoint", "dateDebut", "2027-09-01", "dureeAnnees", 1);
        String id = create(teacher, "disponibilite", form).extract().path("id");
        post(teacher, id, "submit", Map.of("version", 0)).statusCode(422)
                .body("type", is("urn:portail:colibris:campaign-closed")).body("field", is("type"))
                .body("detail", containsString("(heure de Paris)"));
        requests.campaignWindow("disponibilite", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        post(teacher, id, "submit", Map.of("version", 0)).statusCode(200).body("status", is("IN_REVIEW"));
        given().auth().oauth2(teacher).get("/types").then().statusCode(200)
                .body("items.find { it.code == 'disponibilite' }.campaigns[0].open", is(true))
                .body("items.find { it.code == 'autorisation-absence' }.circuit", contains("Décision du chef d'établissement"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("form", Map.of())).post("/requests")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("type de démarche"));
        create(teacher, "mutation-lune", Map.of()).statusCode(400).body("field", is("type"));
        String id = create(teacher, "formation", TRAINING).extract().path("id");
        post(teacher, id, "submit", Map.of()).statusCode(400).body("detail", containsString("version"));
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body("{\"decision\": \"PEUT-ETRE\", \"version\": 0}")
                .post("/requests/{id}/decision", id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(teacher).get("/requests/{id}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(colleague).get("/requests/{id}", id).then().statusCode(404); // a draft is nobody else's
        given().auth().oauth2(hr).get("/requests/{id}", id).then().statusCode(404);
    }

    @Test
    void anAbsenceWhoseLastDayComesBeforeItsFirstIsRefusedNamingTheLastDay() {
        String id = create(teacher, "autorisation-absence", Map.of("motif", "raison familiale",
                "dateDebut", "2027-03-16", "dateFin", "2027-03-15")).statusCode(201).extract().path("id");
        post(teacher, id, "submit", Map.of("version", 0)).statusCode(422).contentType("application/problem+json")
                .body("field", is("form.dateFin"))
                .body("detail", is("Le champ « Dernier jour d'absence » ne peut pas précéder « Premier jour d'absence »."));
        given().auth().oauth2(teacher).get("/requests/{id}", id).then().statusCode(200).body("status", is("DRAFT"));
        put(teacher, id, Map.of("version", 0, "form", Map.of("dateDebut", "2027-03-16", "dateFin", "2027-03-15",
                "precisions", "x".repeat(1001)))).statusCode(200);
        post(teacher, id, "submit", Map.of("version", 1)).statusCode(422) // every field at fault, in the form's order
                .body("field", is("form.motif")).body("detail", is("Le champ « Motif » est obligatoire."))
                .body("errors.field", contains("form.motif", "form.dateFin", "form.precisions"))
                .body("errors[1].detail", is("Le champ « Dernier jour d'absence » ne peut pas précéder « Premier jour d'absence »."))
                .body("errors[2].detail", startsWith("Le champ « Précisions »"));
        put(teacher, id, Map.of("version", 1, "form", Map.of("motif", "raison familiale", "dateDebut", "2027-03-16",
                "dateFin", "nuit", "precisions", "Un rendez-vous"))).statusCode(200);
        post(teacher, id, "submit", Map.of("version", 2)).statusCode(422) // a date not a date: not compared with the first
                .body("errors.field", contains("form.dateFin"))
                .body("detail", is("Le champ « Dernier jour d'absence » : écrivez une date comme 2027-03-16."));
        put(teacher, id, Map.of("version", 2, "form", Map.of("motif", "raison familiale", "dateDebut", "2027-03-16",
                "dateFin", "2027-03-16"))).statusCode(200);
        post(teacher, id, "submit", Map.of("version", 3)).statusCode(200).body("status", is("IN_REVIEW"));
    }

    private static String token(TestStack.Account account) {
        return TestStack.get().accessToken(account.username());
    }

    private static ValidatableResponse create(String token, String type, Map<String, Object> form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("type", type, "form", form))
                .post("/requests").then().statusCode(org.hamcrest.Matchers.anyOf(is(201), is(400)));
    }

    private static ValidatableResponse put(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/requests/{id}", id).then();
    }

    private static ValidatableResponse post(String token, String id, String action, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/requests/{id}/" + action, id).then();
    }
}
