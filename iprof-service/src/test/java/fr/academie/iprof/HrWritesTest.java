package fr.academie.iprof;

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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.academie.iprof.Calls.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** What HR writes: career data, appraisals, campaigns and their opinions; and that nobody else can. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class HrWritesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    Agents agents;

    private UUID lena;

    @BeforeEach
    void lenaHasARecord() {
        lena = agents.imported("lmartin", DemoAccounts.id("lmartin")).id;
    }

    @Test
    void hrMovesHerToTheNextEchelonAndItIsDatedInHerTimeline() {
        Map<String, Object> career = Map.of("lastName", "Martin", "firstName", "Léna", "corps", "Professeur certifié",
                "grade", "Classe normale", "echelon", 8, "echelonSince", "2028-09-01",
                "school", Map.of("uai", "0450042K", "name", "Lycée de l'Orme, Orléans", "since", "2019-09-01"));
        as("cdurand").body(career).put("/agents/" + lena + "/career").then().statusCode(200)
                .body("echelon", is(8)).body("advancement.next.echelon", is(9));
        as("lmartin").get("/agents/me/timeline").then().statusCode(200)
                .body("items.label", hasItem("Passage au 8e échelon de la classe normale"));
        as("cdurand").body(Map.of("lastName", "Martin", "firstName", "Léna", "corps", "Professeur certifié",
                        "grade", "Classe normale", "echelon", 12, "echelonSince", "2028-09-01"))
                .put("/agents/" + lena + "/career").then().statusCode(400).body("field", is("echelon"));
        as("lmartin").body(career).put("/agents/me/career").then().statusCode(403);
        as("pleroy").body(career).put("/agents/" + lena + "/career").then().statusCode(403);
    }

    @Test
    void aRecordLeftWithoutASchoolClosesItsAssignment() {
        as("cdurand").body(Map.of("lastName", "Martin", "firstName", "Léna", "corps", "Professeur certifié",
                "grade", "Classe normale", "echelon", 7, "echelonSince", "2025-09-01")).put("/agents/" + lena + "/career")
                .then().statusCode(200)
                .body("assignment", nullValue())
                .body("assignments[0].uai", is("0450042K"))
                .body("assignments[0].endsOn", is(TODAY.toString()));
    }

    @Test
    void hrEntersAnAppraisalThenCompletesItFromTheVersionTheyRead() {
        Map<String, Object> entry = Map.of("heldOn", TODAY.minusDays(20).toString(),
                "evaluators", List.of(Map.of("identifier", "MGarnier", "name", "Marc Garnier")),
                "report", "Très bonne séance.", "notifiedOn", TODAY.minusDays(2).toString());
        String id = as("cdurand").body(entry).post("/agents/" + lena + "/appraisals").then().statusCode(201)
                .body("observationWindow.open", is(true)).body("version", is(0)).extract().path("id");
        as("lmartin").get("/agents/me/appraisals").then().body("id", hasItem(id));
        Map<String, Object> done = new java.util.HashMap<>(entry);
        done.put("finalAppraisal", "excellent");
        done.put("finalNotifiedOn", TODAY.toString());
        done.put("version", 0);
        as("cdurand").body(done).put("/agents/" + lena + "/appraisals/" + id).then().statusCode(200)
                .body("finalAppraisalLabel", is("Excellent")).body("appealWindow.daysLeft", is(30)).body("version", is(1));
        as("cdurand").body(done).put("/agents/" + lena + "/appraisals/" + id).then().statusCode(409)
                .body("type", is("urn:portail:iprof:concurrent-change"));
        Map<String, Object> backwards = new java.util.HashMap<>(entry);
        backwards.put("notifiedOn", TODAY.minusDays(30).toString());
        as("cdurand").body(backwards).post("/agents/" + lena + "/appraisals").then().statusCode(400)
                .body("field", is("notifiedOn"));
        as("cdurand").body(Map.of("heldOn", TODAY.toString(), "evaluators", List.of())).post("/agents/" + lena + "/appraisals")
                .then().statusCode(400).body("field", is("evaluators"));
        as("lmartin").body(entry).post("/agents/me/appraisals").then().statusCode(403);
    }

    @Test
    void hrOpensACampaignGivesTheOpinionAndTheOutcomeShowOnceItIsPublished() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"), "Professeur certifié", "Classe normale", 10,
                LocalDate.of(2024, 9, 1), "0450042K");
        Map<String, Object> campaign = Map.of("kind", "hors-classe", "title", "Hors classe – essai", "opensOn",
                TODAY.minusDays(1).toString(), "closesOn", TODAY.plusDays(20).toString(), "fromGrade", "Classe normale",
                "minEchelon", 9, "minYears", 2, "referenceDate", TODAY.plusMonths(6).toString());
        String campaignId = as("cdurand").body(campaign).post("/campaigns").then().statusCode(201)
                .body("state", is("ouverte")).body("condition", containsString("9e échelon")).extract().path("id");
        as("lmartin").body(Map.of("decision", "candidat")).put("/agents/me/promotions/" + campaignId).then().statusCode(200);
        String applicationId = as("cdurand").get("/campaigns/" + campaignId + "/applications").then().statusCode(200)
                .body("[0].agentName", is("Léna Martin")).body("[0].decision", is("candidat"))
                .extract().path("[0].id");
        as("cdurand").body(Map.of("opinion", "tres-favorable", "outcome", "promu", "published", false, "version", 0))
                .put("/campaigns/" + campaignId + "/applications/" + applicationId).then().statusCode(200);
        as("lmartin").get("/agents/me/promotions").then()
                .body("find { it.campaignId == '" + campaignId + "' }.answer.outcome", nullValue());
        as("cdurand").body(Map.of("opinion", "tres-favorable", "outcome", "promu", "published", true, "version", 1))
                .put("/campaigns/" + campaignId + "/applications/" + applicationId).then().statusCode(200);
        as("lmartin").get("/agents/me/promotions").then()
                .body("find { it.campaignId == '" + campaignId + "' }.answer.outcome", is("promu"))
                .body("find { it.campaignId == '" + campaignId + "' }.answer.opinion", is("tres-favorable"));
        as("cdurand").body(Map.of("opinion", "reserve", "published", true, "version", 1))
                .put("/campaigns/" + campaignId + "/applications/" + applicationId).then().statusCode(409);
    }

    @Test
    void aBadCampaignIsRefusedNamingTheFieldAndOnlyHrManagesCampaigns() {
        Map<String, Object> backwards = Map.of("kind", "hors-classe", "title", "À l'envers", "opensOn", "2027-03-22",
                "closesOn", "2027-03-01", "fromGrade", "Classe normale", "minEchelon", 9, "minYears", 2,
                "referenceDate", "2027-08-31");
        as("cdurand").body(backwards).post("/campaigns").then().statusCode(400).body("field", is("closesOn"));
        as("cdurand").body(Map.of("kind", "agregation", "title", "x")).post("/campaigns").then().statusCode(400);
        as("lmartin").get("/campaigns").then().statusCode(403);
        as("pleroy").body(backwards).post("/campaigns").then().statusCode(403);
        as("cdurand").get("/campaigns/" + UUID.randomUUID() + "/applications").then().statusCode(404);
        given().get("/campaigns").then().statusCode(401);
    }
}
