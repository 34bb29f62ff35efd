package fr.academie.iprof.cv;

import fr.academie.iprof.agent.Agents;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static fr.academie.iprof.Calls.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class CvResourceTest {

    @Inject
    Agents agents;

    private UUID lena;

    @BeforeEach
    void lenaHasARecord() {
        lena = agents.imported("lmartin", DemoAccounts.id("lmartin")).id;
    }

    @Test
    void sheWritesHerCvAndEachChangeIsDated() {
        String id = as("lmartin").body(Map.of("kind", "langue", "title", "Italien", "detail", "B2 (CLES)"))
                .post("/agents/me/cv").then().statusCode(201)
                .body("title", is("Italien")).extract().path("id");
        String created = as("lmartin").get("/agents/me/cv").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.detail", is("B2 (CLES)"))
                .extract().path("find { it.id == '" + id + "' }.changedAt");
        as("lmartin").body(Map.of("kind", "langue", "title", "Italien", "detail", "C1", "obtainedOn", "2024-06-30"))
                .put("/agents/me/cv/" + id).then().statusCode(200)
                .body("detail", is("C1")).body("obtainedOn", is("2024-06-30"))
                .body("changedAt", not(is(created)));
        as("lmartin").delete("/agents/me/cv/" + id).then().statusCode(204);
        as("lmartin").get("/agents/me/cv").then().statusCode(200).body("$", empty());
    }

    @Test
    void hrReadsTheCvButOnlyThePersonWritesIt() {
        as("lmartin").body(Map.of("kind", "certification", "title", "CAFFA")).post("/agents/me/cv").then().statusCode(201);
        as("cdurand").get("/agents/" + lena + "/cv").then().statusCode(200).body("title", org.hamcrest.Matchers.hasItem("CAFFA"));
        assertEquals(1, agents.readsOf(lena, "gestionnaire-rh"));
        as("cdurand").body(Map.of("kind", "diplome", "title", "Faux diplôme")).post("/agents/" + lena + "/cv")
                .then().statusCode(404);
        as("pleroy").get("/agents/" + lena + "/cv").then().statusCode(404);
        given().get("/agents/me/cv").then().statusCode(401);
    }

    @Test
    void badLinesAreRefusedNamingTheFieldAndNothingIsWritten() {
        as("lmartin").body(Map.of("kind", "hobby", "title", "Escalade")).post("/agents/me/cv")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", is("kind")).body("detail", containsString("qualification, diplome"));
        as("lmartin").body(Map.of("kind", "diplome", "title", " ")).post("/agents/me/cv")
                .then().statusCode(400).body("field", is("title"));
        as("lmartin").body(Map.of("kind", "diplome", "title", "Agrégation",
                        "obtainedOn", LocalDate.now().plusYears(1).toString())).post("/agents/me/cv")
                .then().statusCode(400).body("field", is("obtainedOn")).body("detail", containsString("futur"));
        as("lmartin").body("{\"kind\": \"diplome\", \"title\": \"Master\", \"obtainedOn\": \"30/06/2010\"}")
                .post("/agents/me/cv").then().statusCode(400);
        as("lmartin").get("/agents/me/cv").then().statusCode(200).body("$", empty());
    }

    @Test
    void aCvHoldsAtMostTwoHundredLines() {
        for (int i = 0; i < CvService.MAX_LINES; i++) {
            as("lmartin").body(Map.of("kind", "formation", "title", "Stage " + i)).post("/agents/me/cv").then().statusCode(201);
        }
        as("lmartin").body(Map.of("kind", "formation", "title", "Un de trop")).post("/agents/me/cv")
                .then().statusCode(409).body("type", is("urn:portail:iprof:cv-full"));
    }

    @Test
    void sheCannotTouchAnotherPersonsLines() {
        agents.imported("nmoreau", DemoAccounts.id("nmoreau"));
        String nadias = as("nmoreau").body(Map.of("kind", "formation", "title", "Gestion de crise"))
                .post("/agents/me/cv").then().statusCode(201).extract().path("id");
        as("lmartin").body(Map.of("kind", "formation", "title", "Piratage")).put("/agents/me/cv/" + nadias)
                .then().statusCode(404).body("type", is("urn:portail:iprof:cv-entry-not-found"));
        as("lmartin").delete("/agents/me/cv/" + nadias).then().statusCode(404);
        as("nmoreau").get("/agents/me/cv").then().body("title", org.hamcrest.Matchers.contains("Gestion de crise"));
    }
}
