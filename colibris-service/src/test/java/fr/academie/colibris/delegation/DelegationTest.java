package fr.academie.colibris.delegation;

import fr.academie.colibris.request.Requests;
import fr.academie.common.date.FrenchDates;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A head of school away delegates her decisions to the head of another school for a week: he finds her school's
 * requests in his list, is told of new ones, decides them "par délégation"; once she revokes it, they are hers again.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class DelegationTest {

    private static final Map<String, Object> TRAINING = Map.of("intitule", "Préparation à l'agrégation interne",
            "organisme", "CNED", "dateDebut", "2027-01-11", "dureeHeures", 120);

    @Inject
    Requests requests;

    @Test
    void aHeadOfSchoolAwayDelegatesToAColleagueWhoDecidesParDelegationUntilSheRevokes() {
        TestStack stack = TestStack.get();
        String school = "D" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        TestStack.Account teacherAccount = stack.newAccount(Map.of("uai", school), "personnel", "enseignant");
        String teacher = stack.accessToken(teacherAccount.username());
        String away = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement").username());
        TestStack.Account colleagueAccount = stack.newAccount(Map.of("uai", "0370035M"), "personnel", "chef-etablissement");
        String colleague = stack.accessToken(colleagueAccount.username());
        LocalDate today = LocalDate.now(FrenchDates.PARIS);
        Map<String, Object> week = Map.of("delegate", colleagueAccount.username(), "role", "chef-etablissement",
                "from", today.toString(), "to", today.plusDays(7).toString());

        // what cannot be delegated, and to whom
        delegate(teacher, week).statusCode(422).contentType("application/problem+json").body("field", is("role"));
        delegate(away, Map.of("delegate", teacherAccount.username(), "role", "chef-etablissement", "from", today.toString(),
                "to", today.toString())).statusCode(422).body("field", is("delegate"));
        delegate(away, Map.of("delegate", "personne-inconnue", "role", "chef-etablissement", "from", today.toString(),
                "to", today.toString())).statusCode(400).body("field", is("delegate"));
        delegate(away, Map.of("delegate", colleagueAccount.username(), "role", "chef-etablissement",
                "from", today.toString(), "to", today.minusDays(1).toString())).statusCode(400).body("field", is("to"));
        delegate(away, Map.of("delegate", colleagueAccount.username(), "role", "chef-etablissement",
                "from", "lundi", "to", today.toString())).statusCode(400).body("field", is("from"));

        String delegation = delegate(away, week).statusCode(201).body("active", is(true)).extract().path("id");
        given().auth().oauth2(colleague).get("/delegations").then().statusCode(200)
                .body("received", hasSize(1)).body("given", hasSize(0));

        String id = submitted(teacher);
        given().auth().oauth2(colleague).get("/to-decide").then().statusCode(200).body("items.id", hasItem(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> requests.noticesTo(UUID.fromString(id), colleagueAccount.id())
                .stream().anyMatch(n -> n.subject.startsWith("À traiter")));
        given().auth().oauth2(colleague).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "comment", "Avis favorable.", "version", 1))
                .post("/requests/{id}/decision", id).then().statusCode(200)
                .body("history[-1].kind", is("APPROVED_STEP")).body("history[-1].onBehalfOf", is("Camille Essai"));
        given().auth().oauth2(teacher).get("/requests/{id}", id).then()
                .body("history[1].onBehalfOf", nullValue()); // her submission: her own doing
        assertTrue(requests.noticesTo(UUID.fromString(id), teacherAccount.id()).stream().anyMatch(n -> n.subject.endsWith(
                "acceptée à l'étape « Avis du chef d'établissement »") && n.text.contains("par délégation de Camille Essai")),
                "her message says in whose name it was decided");

        given().auth().oauth2(colleague).delete("/delegations/{id}", delegation).then().statusCode(404);
        given().auth().oauth2(away).delete("/delegations/{id}", delegation).then().statusCode(204);
        String after = submitted(teacher);
        given().auth().oauth2(colleague).get("/to-decide").then().body("items.id", not(hasItem(after)));
        given().auth().oauth2(colleague).get("/requests/{id}", after).then().statusCode(404);
        given().auth().oauth2(away).get("/to-decide").then().body("items.id", hasItem(after));
        given().auth().oauth2(away).get("/delegations").then().body("given", hasSize(0));
        given().auth().oauth2(colleague).get("/requests/{id}", id).then().statusCode(200) // decided by him: still his to see
                .body("actions", contains("write", "note"));
    }

    private static String submitted(String teacher) {
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("type", "formation", "form", TRAINING))
                .post("/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/requests/{id}/submit", id).then().statusCode(200);
        return id;
    }

    private static ValidatableResponse delegate(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/delegations").then();
    }
}
