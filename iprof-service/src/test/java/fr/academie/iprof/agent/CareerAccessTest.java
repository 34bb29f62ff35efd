package fr.academie.iprof.agent;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may see what of a career record, for every endpoint that reads one: the person everything, HR everything, the
 * head of her school the summary only, an inspector the appraisals they conducted, anyone else a 404 that says no
 * more than for a record that does not exist; and the access log that this leaves for the person.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "iprof-service"))
class CareerAccessTest {

    /** Every read of a whole record, or of one of its parts, at a record's address. */
    static final List<String> WHOLE = List.of("/agents/%s", "/agents/%s/timeline", "/agents/%s/appraisals",
            "/agents/%s/cv", "/agents/%s/promotions");
    static final String SUMMARY = "/agents/%s/summary";

    private static TestStack.Account inspector;
    private static TestStack.Account otherHead;

    @Inject
    Agents agents;

    private UUID lena;
    private UUID nadia;

    @BeforeEach
    void records() {
        if (inspector == null) {
            inspector = TestStack.get().newAccount("personnel", "inspecteur");
            otherHead = TestStack.get().newAccount(Map.of("uai", "0370035M"), "personnel", "chef-etablissement");
        }
        lena = agents.imported("lmartin", DemoAccounts.id("lmartin")).id;
        agents.appraisal(lena, LocalDate.now().minusDays(3), null, inspector.username());
        nadia = agents.imported("nmoreau", DemoAccounts.id("nmoreau"), "Conseiller principal d'éducation",
                "Classe normale", 5, LocalDate.of(2024, 9, 1), "0370035M").id;
        agents.appraisal(nadia, LocalDate.now().minusDays(3), null, "autre-inspecteur");
    }

    @Test
    void thePersonReadsHerWholeRecordAtHerAddressAndAtMe() {
        for (String path : WHOLE) {
            status("lmartin", path.formatted(lena), 200);
            status("lmartin", path.formatted("me"), 200);
        }
        status("lmartin", SUMMARY.formatted(lena), 200);
        assertEquals(0, agents.readsOf(lena), "the owner's own reads are not logged");
    }

    @Test
    void hrReadsEveryRecordAndEachReadIsLogged() {
        for (String path : WHOLE) {
            status("cdurand", path.formatted(lena), 200);
        }
        status("cdurand", SUMMARY.formatted(lena), 200);
        assertEquals(WHOLE.size() + 1, agents.readsOf(lena, "gestionnaire-rh"));
    }

    @Test
    void theHeadOfHerSchoolSeesHerSummaryAndNothingMore() {
        given().auth().oauth2(token("pleroy")).get(SUMMARY.formatted(lena)).then().statusCode(200)
                .body("corps", is("Professeur certifié")).body("echelon", is(7))
                .body("assignment.uai", is("0450042K"))
                .body("$", not(org.hamcrest.Matchers.hasKey("indiceMajore")));
        for (String path : WHOLE) {
            status("pleroy", path.formatted(lena), 404);
        }
        status("pleroy", SUMMARY.formatted(nadia), 404);
    }

    @Test
    void theHeadOfAnotherSchoolAndAnotherTeacherSeeNothing() {
        for (String reader : List.of(otherHead.username(), "sbenali")) {
            for (String path : WHOLE) {
                status(reader, path.formatted(lena), 404);
            }
            status(reader, SUMMARY.formatted(lena), 404);
        }
        assertEquals(0, agents.readsOf(lena), "a refused read leaves no trace in the person's log");
    }

    @Test
    void aRefusedRecordLooksExactlyLikeOneThatDoesNotExist() {
        Response refused = given().auth().oauth2(token("sbenali")).get("/agents/" + lena);
        Response missing = given().auth().oauth2(token("sbenali")).get("/agents/" + UUID.randomUUID());
        assertEquals(404, refused.statusCode());
        assertEquals(missing.statusCode(), refused.statusCode());
        assertEquals(missing.asString(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
    }

    @Test
    void anInspectorSeesTheAppraisalsTheyConductedAndNoRecord() {
        given().auth().oauth2(token(inspector.username())).get("/appraisals/conducted").then().statusCode(200)
                .body("agentId", hasItem(lena.toString()))
                .body("agentId", not(hasItem(nadia.toString())))
                .body("find { it.agentId == '" + lena + "' }.agentName", is("Léna Martin"));
        for (String path : WHOLE) {
            status(inspector.username(), path.formatted(lena), 404);
        }
        status(inspector.username(), SUMMARY.formatted(lena), 404);
        assertEquals(1, agents.readsOf(lena, "inspecteur"));
        status("lmartin", "/appraisals/conducted", 403);
    }

    @Test
    void theSchoolListIsForHrAndForTheHeadOfThatSchool() {
        given().auth().oauth2(token("pleroy")).get("/agents?limit=200").then().statusCode(200)
                .body("items.id", hasItem(lena.toString())).body("items.id", not(hasItem(nadia.toString())));
        given().auth().oauth2(token("cdurand")).get("/agents?uai=0370035M").then().statusCode(200)
                .body("items.id", hasItem(nadia.toString())).body("items.id", not(hasItem(lena.toString())));
        given().auth().oauth2(token(otherHead.username())).get("/agents?uai=0450042K").then().statusCode(404)
                .body("type", is("urn:portail:iprof:school-not-found"));
        status("sbenali", "/agents", 403);
        status("lmartin", "/agents", 403);
    }

    @Test
    void everyCallIsRefusedWithoutATokenOrWithAnotherServicesToken() {
        String pronote = TestStack.get().accessToken("pronote", "lmartin");
        for (String path : concat(WHOLE, List.of(SUMMARY, "/agents/%s/access-log"))) {
            given().get(path.formatted("me")).then().statusCode(401);
            given().auth().oauth2(pronote).get(path.formatted("me")).then().statusCode(401);
        }
        given().get("/agents").then().statusCode(401);
        given().get("/appraisals/conducted").then().statusCode(401);
        String any = UUID.randomUUID().toString();
        for (String write : List.of("PUT /agents/" + lena + "/career", "POST /agents/" + lena + "/appraisals",
                "PUT /agents/" + lena + "/appraisals/" + any, "PUT /agents/me/appraisals/" + any + "/observations",
                "POST /agents/me/cv", "PUT /agents/me/cv/" + any, "DELETE /agents/me/cv/" + any,
                "PUT /agents/me/promotions/" + any, "GET /campaigns", "POST /campaigns",
                "GET /campaigns/" + any + "/applications", "PUT /campaigns/" + any + "/applications/" + any,
                "POST /imports/agents", "POST /imports/grids")) {
            String[] call = write.split(" ");
            given().contentType("application/json").body("{}").request(call[0], call[1]).then().statusCode(401);
            given().auth().oauth2(pronote).contentType("application/json").body("{}").request(call[0], call[1])
                    .then().statusCode(401);
        }
    }

    @Test
    void thePersonSeesWhoReadHerRecordButNotHerOwnReads() {
        status("lmartin", "/agents/me", 200);
        status("pleroy", SUMMARY.formatted(lena), 200);
        status("cdurand", "/agents/%s/timeline".formatted(lena), 200);
        given().auth().oauth2(token("lmartin")).get("/agents/me/access-log").then().statusCode(200)
                .body("items.size()", is(2))
                .body("items[0].readerName", is("Claire Durand"))
                .body("items[0].roleLabel", is("Gestionnaire RH"))
                .body("items[0].part", is("parcours"))
                .body("items[1].readerName", is("Paul Leroy"))
                .body("items[1].role", is("chef-etablissement"))
                .body("items[1].part", is("synthese"));
        // the log is the person's: not even HR reads it
        status("cdurand", "/agents/%s/access-log".formatted(lena), 404);
    }

    private static void status(String username, String path, int expected) {
        given().auth().oauth2(token(username)).get(path).then().statusCode(expected);
    }

    private static String token(String username) {
        return TestStack.get().accessToken(username);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
