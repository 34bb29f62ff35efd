package fr.academie.iprof.campaign;

import fr.academie.iprof.agent.Agents;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static fr.academie.iprof.Calls.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class PromotionResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    Agents agents;

    @Test
    void anEligiblePersonAppliesWhileTheCampaignIsOpenAndMayChangeHerMind() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"), "Professeur certifié", "Classe normale", 10,
                LocalDate.of(2024, 9, 1), "0450042K");
        UUID campaign = agents.campaign("Classe normale", 9, 2, TODAY.minusDays(5), TODAY.plusDays(10));
        as("lmartin").get("/agents/me/promotions").then().statusCode(200)
                .body("find { it.campaignId == '" + campaign + "' }.eligible", is(true))
                .body("find { it.campaignId == '" + campaign + "' }.state", is("ouverte"))
                .body("find { it.campaignId == '" + campaign + "' }.explanation", startsWith("Vous êtes promouvable"));
        as("lmartin").body(Map.of("decision", "candidat")).put("/agents/me/promotions/" + campaign)
                .then().statusCode(200).body("answer.decision", is("candidat")).body("answer.outcome", org.hamcrest.Matchers.nullValue());
        as("lmartin").body(Map.of("decision", "renonce")).put("/agents/me/promotions/" + campaign)
                .then().statusCode(200).body("answer.decision", is("renonce"));
        assertEquals(1, Application.count("campaignId", campaign), "one answer per person, the last one");
    }

    @Test
    void outsideItsWindowTheAnswerIsRefusedWithTheDates() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"), "Professeur certifié", "Classe normale", 10,
                LocalDate.of(2024, 9, 1), "0450042K");
        UUID closed = agents.campaign("Classe normale", 9, 2, LocalDate.of(2026, 3, 2), TODAY.minusDays(1));
        as("lmartin").body(Map.of("decision", "candidat")).put("/agents/me/promotions/" + closed)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:portail:iprof:campaign-closed"))
                .body("detail", containsString("était ouverte du 2 mars 2026 au"));
        UUID later = agents.campaign("Classe normale", 9, 2, TODAY.plusDays(1), TODAY.plusDays(20));
        as("lmartin").body(Map.of("decision", "candidat")).put("/agents/me/promotions/" + later)
                .then().statusCode(409).body("detail", containsString("sera ouverte du"));
    }

    @Test
    void aPersonWhoIsNotEligibleIsToldWhyAndCannotApply() {
        agents.imported("lmartin", DemoAccounts.id("lmartin"));
        UUID campaign = agents.campaign("Classe normale", 9, 2, TODAY.minusDays(5), TODAY.plusDays(10));
        as("lmartin").get("/agents/me/promotions").then().statusCode(200)
                .body("find { it.campaignId == '" + campaign + "' }.eligible", is(false))
                .body("find { it.campaignId == '" + campaign + "' }.explanation",
                        containsString("à rythme normal, vous remplirez la condition le"));
        as("lmartin").body(Map.of("decision", "candidat")).put("/agents/me/promotions/" + campaign)
                .then().statusCode(409).body("type", is("urn:portail:iprof:not-eligible"));
        assertEquals(0, Application.count("campaignId", campaign));
    }

    @Test
    void badAnswersAndOtherReadersAreRefused() {
        UUID lena = agents.imported("lmartin", DemoAccounts.id("lmartin"), "Professeur certifié", "Classe normale", 10,
                LocalDate.of(2024, 9, 1), "0450042K").id;
        UUID campaign = agents.campaign("Classe normale", 9, 2, TODAY.minusDays(5), TODAY.plusDays(10));
        as("lmartin").body(Map.of("decision", "peut-être")).put("/agents/me/promotions/" + campaign)
                .then().statusCode(400).body("field", is("decision"));
        as("lmartin").body(Map.of("decision", "candidat")).put("/agents/me/promotions/" + UUID.randomUUID())
                .then().statusCode(404).body("type", is("urn:portail:iprof:campaign-not-found"));
        as("cdurand").body(Map.of("decision", "candidat")).put("/agents/" + lena + "/promotions/" + campaign)
                .then().statusCode(404);
        as("cdurand").get("/agents/" + lena + "/promotions").then().statusCode(200);
        assertEquals(1, agents.readsOf(lena, "gestionnaire-rh"));
        as("sbenali").get("/agents/" + lena + "/promotions").then().statusCode(404);
        given().contentType("application/json").body(Map.of("decision", "candidat"))
                .put("/agents/me/promotions/" + campaign).then().statusCode(401);
    }
}
