package fr.academie.colibris.availability;

import fr.academie.colibris.request.Requests;
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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service was down in a campaign's last hours: its heartbeat sees the gap, the campaign is extended by itself with
 * a notice, and a request filed in the extra time says so in its history; HR can also extend by hand, with a reason.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class OutageGraceTest {

    private static final Map<String, Object> LEAVE = Map.of("motif", "suivre son conjoint", "dateDebut", "2027-09-01",
            "dureeAnnees", 1);

    @Inject
    Availability availability;

    @Inject
    Requests requests;

    private String teacher;
    private String hr;

    @BeforeEach
    void people() {
        TestStack stack = TestStack.get();
        teacher = stack.accessToken(stack.newAccount(Map.of("uai", "0450042K"), "personnel", "enseignant").username());
        hr = stack.accessToken(stack.newAccount("personnel", "gestionnaire-rh").username());
    }

    @Test
    void twoHoursDownOverTheClosingGiveTheCampaignItsLostHourBackAndTheLateRequestSaysWhy() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        requests.campaignWindow("disponibilite", now.minus(Duration.ofDays(30)), now.minus(Duration.ofHours(1)));
        requests.campaignWindow("temps-partiel", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(20)));
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(Map.of("type", "disponibilite", "form", LEAVE)).post("/requests").then().statusCode(201)
                .extract().path("id");
        submit(id).statusCode(422).body("type", is("urn:portail:colibris:campaign-closed"));

        // no beat for two hours: the campaign closed an hour into the outage
        requests.lastBeat(now.minus(Duration.ofHours(2)));
        Optional<Outage> outage = availability.beat(now);
        assertTrue(outage.isPresent());
        assertEquals(now.minus(Duration.ofHours(2)), outage.get().startedAt);

        given().auth().oauth2(teacher).get("/types").then().statusCode(200)
                .body("items.find { it.code == 'disponibilite' }.campaigns[0].open", is(true))
                .body("items.find { it.code == 'disponibilite' }.campaigns[0].closesAt",
                        is(now.plus(Duration.ofHours(1)).toString()))
                .body("items.find { it.code == 'disponibilite' }.campaigns[0].extensionReason",
                        startsWith("Prolongée automatiquement jusqu'au "))
                .body("items.find { it.code == 'disponibilite' }.campaigns[0].extensionReason",
                        containsString("pour rendre le temps perdu (1 h) : le service a été indisponible du "))
                .body("items.find { it.code == 'disponibilite' }.campaigns[0].extensions[0].automatic", is(true))
                .body("items.find { it.code == 'temps-partiel' }.campaigns[0].extensions", hasSize(0));

        submit(id).statusCode(200).body("status", is("IN_REVIEW"))
                .body("history[-1].kind", is("SUBMITTED"))
                .body("history[-1].comment", startsWith("Déposée pendant la prolongation de la campagne"))
                .body("history[-1].comment", containsString("le temps perdu (1 h)"));

        // the next beat, on time, is no outage; nor is a restart shorter than the configured gap
        assertEquals(Optional.empty(), availability.beat(now.plusSeconds(30)));
        requests.lastBeat(now.minus(Duration.ofMinutes(5)));
        assertEquals(Optional.empty(), availability.beat(now));
    }

    @Test
    void hrExtendsACampaignByHandWithAReasonAndNobodyElseCan() {
        Instant now = Instant.now();
        requests.campaignWindow("temps-partiel", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        String id = requests.campaign("temps-partiel").id.toString();
        long version = requests.campaign("temps-partiel").version;
        Map<String, Object> extension = Map.of("closesAt", "2099-02-05T18:00", "reason",
                "Prolongée à la demande des établissements.", "version", version);

        extend(teacher, id, extension).statusCode(403).contentType("application/problem+json");
        extend(hr, UUID.randomUUID().toString(), extension).statusCode(404)
                .body("type", is("urn:portail:colibris:campaign-not-found"));
        extend(hr, id, Map.of("closesAt", "2099-02-05T18:00", "version", version)).statusCode(400)
                .contentType("application/problem+json").body("field", is("reason"));
        extend(hr, id, Map.of("closesAt", "5 février", "reason", "Prolongée.", "version", version)).statusCode(400)
                .body("field", is("closesAt"));
        extend(hr, id, Map.of("closesAt", "2020-01-01T00:00", "reason", "Prolongée.", "version", version)).statusCode(422)
                .body("field", is("closesAt")).body("detail", containsString("après la clôture actuelle"));
        extend(hr, id, Map.of("closesAt", "2099-02-05T18:00", "reason", "Prolongée.", "version", version + 7)).statusCode(409)
                .body("field", is("version"));

        extend(hr, id, extension).statusCode(200).body("open", is(true))
                .body("closesAt", is("2099-02-05T17:00:00Z"))
                .body("extensionReason", is("Prolongée à la demande des établissements."))
                .body("extensions[0].automatic", is(false)).body("extensions[0].byName", is("Camille Essai"))
                .body("version", is((int) version + 1));
        extend(hr, id, extension).statusCode(409); // the version read is no longer the campaign's
    }

    private ValidatableResponse submit(String id) {
        return given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/requests/{id}/submit", id).then();
    }

    private static ValidatableResponse extend(String token, String id, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/campaigns/{id}/extension", id).then();
    }
}
