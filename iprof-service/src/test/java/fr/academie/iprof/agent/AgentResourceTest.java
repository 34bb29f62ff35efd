package fr.academie.iprof.agent;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class AgentResourceTest {

    @Inject
    Agents agents;

    @Test
    void thePersonReadsHerCareerSummary() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"));
        given().auth().oauth2(TestStack.get().accessToken("lmartin"))
                .when().get("/agents/me")
                .then().statusCode(200)
                .body("corps", is("Professeur certifié"))
                .body("grade", is("Classe normale"))
                .body("echelon", is(7))
                .body("echelonSince", is("2025-09-01"))
                .body("assignment.uai", is("0450042K"))
                .body("assignment.schoolName", is("Lycée de l'Orme, Orléans"));
    }

    @Test
    void aRecordImportedUnderTheIdentifierIsLinkedToTheAccountAtFirstVisit() {
        agents.imported("sbenali", null);
        given().auth().oauth2(TestStack.get().accessToken("sbenali"))
                .when().get("/agents/me")
                .then().statusCode(200).body("echelon", is(7));
        assertEquals(DemoAccounts.id("sbenali"), agents.accountOf("sbenali"));
    }

    @Test
    void withoutARecordTheAnswerIsANotFoundProblemInFrench() {
        given().auth().oauth2(TestStack.get().accessToken("nmoreau"))
                .when().get("/agents/me")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:iprof:no-career-record"))
                .body("detail", containsString("Aucun dossier de carrière"));
    }
}
