package fr.academie.iprof.agent;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
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
    void herRecordSaysWhenHerNextEchelonComesAtEachRhythm() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"));
        given().auth().oauth2(TestStack.get().accessToken("lmartin"))
                .when().get("/agents/me")
                .then().statusCode(200)
                .body("status", is("titulaire"))
                .body("indiceMajore", is(513))
                .body("assignments[0].uai", is("0450042K"))
                .body("advancement.gridSource", containsString("PPCR"))
                .body("advancement.lastEchelon", is(11))
                .body("advancement.next.echelon", is(8))
                .body("advancement.next.normal.date", is("2028-09-01"))
                .body("advancement.next.normalMonths", is(36))
                .body("advancement.next.accelerated", nullValue());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate since = today.minusMonths(6);
        agents.imported("lmartin", DemoAccounts.id("lmartin"), "Professeur des écoles", "Classe normale", 8, since,
                "0450042K");
        given().auth().oauth2(TestStack.get().accessToken("lmartin"))
                .when().get("/agents/me")
                .then().statusCode(200)
                .body("advancement.next.echelon", is(9))
                .body("advancement.next.normal.date", is(since.plusMonths(42).toString()))
                .body("advancement.next.accelerated.date", is(since.plusMonths(30).toString()))
                .body("advancement.next.accelerated.daysLeft",
                        is((int) ChronoUnit.DAYS.between(today, since.plusMonths(30))));
    }

    @Test
    void atTheTopOfHerGradeThereIsNoNextEchelonAndWithoutAGridNoAdvancement() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"), "Professeur agrégé", "Hors classe", 4,
                LocalDate.of(2020, 9, 1), "0450042K");
        given().auth().oauth2(TestStack.get().accessToken("lmartin")).get("/agents/me").then().statusCode(200)
                .body("advancement.lastEchelon", is(4)).body("advancement.next", nullValue());
        agents.imported("lmartin", DemoAccounts.id("lmartin"), "Corps inconnu", "Classe normale", 4,
                LocalDate.of(2020, 9, 1), "0450042K");
        given().auth().oauth2(TestStack.get().accessToken("lmartin")).get("/agents/me").then().statusCode(200)
                .body("advancement", nullValue()).body("echelon", is(4));
    }

    @Test
    void herTimelineComesNewestFirstPageByPage() {
        UUID lena = agents.imported("lmartin", DemoAccounts.id("lmartin")).id;
        agents.event(lena, LocalDate.of(2012, 9, 1), "titularisation", "Titularisation");
        agents.event(lena, LocalDate.of(2025, 9, 1), "echelon", "Passage au 7e échelon");
        agents.event(lena, LocalDate.of(2019, 9, 1), "affectation", "Affectation au lycée de l'Orme");
        String token = TestStack.get().accessToken("lmartin");
        String next = given().auth().oauth2(token).get("/agents/me/timeline?limit=2").then().statusCode(200)
                .body("items.occurredOn", contains("2025-09-01", "2019-09-01"))
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", next).get("/agents/me/timeline")
                .then().statusCode(200)
                .body("items.label", contains("Titularisation"))
                .body("nextCursor", nullValue());
        given().auth().oauth2(token).get("/agents/me/timeline?cursor=abc").then().statusCode(400)
                .body("field", is("cursor"));
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
        // a newcomer HR has not imported yet
        given().auth().oauth2(TestStack.get().accessToken(TestStack.get().newAccount("personnel").username()))
                .when().get("/agents/me")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:iprof:no-career-record"))
                .body("detail", containsString("Aucun dossier de carrière"));
    }
}
