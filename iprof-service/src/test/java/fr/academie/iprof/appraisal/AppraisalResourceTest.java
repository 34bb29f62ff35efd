package fr.academie.iprof.appraisal;

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
import java.util.Map;
import java.util.UUID;

import static fr.academie.iprof.Calls.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class AppraisalResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    Agents agents;

    private UUID lena;

    @BeforeEach
    void lenaHasARecord() {
        lena = agents.imported("lmartin", DemoAccounts.id("lmartin")).id;
    }

    @Test
    void sheWritesHerObservationsWhileTheWindowIsOpenEvenOnItsLastDay() {
        UUID opened = agents.appraisal(lena, TODAY.minusDays(3), null, "ipector");
        as("lmartin").body(Map.of("observations", "  Je remercie l'inspectrice.  "))
                .put("/agents/me/appraisals/" + opened + "/observations")
                .then().statusCode(200)
                .body("observations", is("Je remercie l'inspectrice."))
                .body("observationWindow.open", is(true))
                .body("observationWindow.daysLeft", is(12));
        UUID lastDay = agents.appraisal(lena, TODAY.minusDays(15), null, "ipector");
        as("lmartin").body(Map.of("observations", "Dernier jour.")).put("/agents/me/appraisals/" + lastDay + "/observations")
                .then().statusCode(200).body("observationWindow.daysLeft", is(0));
        as("lmartin").get("/agents/me/appraisals").then().statusCode(200)
                .body("find { it.id == '" + opened + "' }.observations", is("Je remercie l'inspectrice."));
    }

    @Test
    void onceTheWindowHasClosedObservationsAreRefusedWithItsDates() {
        UUID closed = agents.appraisal(lena, LocalDate.of(2026, 3, 1), null, "ipector");
        as("lmartin").body(Map.of("observations", "Trop tard ?")).put("/agents/me/appraisals/" + closed + "/observations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:iprof:observation-window-closed"))
                .body("field", is("observations"))
                .body("detail", containsString("du 1er mars 2026 au 16 mars 2026 inclus"));
        as("lmartin").get("/agents/me/appraisals").then()
                .body("find { it.id == '" + closed + "' }.observations", nullValue());
        UUID notNotified = agents.appraisal(lena, null, null, "ipector");
        as("lmartin").body(Map.of("observations", "Trop tôt ?")).put("/agents/me/appraisals/" + notNotified + "/observations")
                .then().statusCode(409).body("type", is("urn:portail:iprof:report-not-notified"));
    }

    @Test
    void theAppealWindowRunsThirtyDaysAfterTheFinalAppraisal() {
        UUID lastDay = agents.appraisal(lena, TODAY.minusDays(60), TODAY.minusDays(30), "ipector");
        UUID over = agents.appraisal(lena, TODAY.minusDays(61), TODAY.minusDays(31), "ipector");
        as("lmartin").get("/agents/me/appraisals").then().statusCode(200)
                .body("find { it.id == '" + lastDay + "' }.appealWindow.open", is(true))
                .body("find { it.id == '" + lastDay + "' }.appealWindow.daysLeft", is(0))
                .body("find { it.id == '" + lastDay + "' }.finalAppraisalLabel", is("Très satisfaisant"))
                .body("find { it.id == '" + over + "' }.appealWindow.open", is(false))
                .body("find { it.id == '" + over + "' }.observationWindow.open", is(false));
    }

    @Test
    void badObservationsAreRefusedNamingTheField() {
        UUID opened = agents.appraisal(lena, TODAY, null, "ipector");
        as("lmartin").body(Map.of("observations", "   ")).put("/agents/me/appraisals/" + opened + "/observations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", is("observations")).body("detail", is("Écrivez vos observations."));
        as("lmartin").body(Map.of("observations", "x".repeat(5001))).put("/agents/me/appraisals/" + opened + "/observations")
                .then().statusCode(400).body("field", is("observations"));
        as("lmartin").put("/agents/me/appraisals/" + opened + "/observations").then().statusCode(400);
    }

    @Test
    void nobodyElseWritesHerObservationsNorSheOnAnothersAppraisal() {
        UUID hers = agents.appraisal(lena, TODAY, null, "ipector");
        UUID nadia = agents.imported("nmoreau", DemoAccounts.id("nmoreau")).id;
        UUID nadias = agents.appraisal(nadia, TODAY, null, "ipector");
        as("lmartin").body(Map.of("observations", "Pas les miennes.")).put("/agents/me/appraisals/" + nadias + "/observations")
                .then().statusCode(404).body("type", is("urn:portail:iprof:appraisal-not-found"));
        as("cdurand").body(Map.of("observations", "RH")).put("/agents/" + lena + "/appraisals/" + hers + "/observations")
                .then().statusCode(404);
        as("nmoreau").body(Map.of("observations", "Intrusion")).put("/agents/me/appraisals/" + hers + "/observations")
                .then().statusCode(404);
        given().contentType("application/json").body(Map.of("observations", "x"))
                .put("/agents/me/appraisals/" + hers + "/observations").then().statusCode(401);
    }
}
