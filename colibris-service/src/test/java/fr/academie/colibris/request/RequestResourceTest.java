package fr.academie.colibris.request;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class RequestResourceTest {

    private static final Instant SEPTEMBER = Instant.parse("2026-09-15T08:00:00Z");

    @Inject
    Requests requests;

    @BeforeEach
    void lenaFiledThreeRequestsAndSamirOne() {
        requests.deleteAllOf(DemoAccounts.id("lmartin"));
        requests.deleteAllOf(DemoAccounts.id("sbenali"));
        requests.add(DemoAccounts.id("lmartin"), "formation", RequestStatus.APPROVED, SEPTEMBER);
        requests.add(DemoAccounts.id("lmartin"), "temps-partiel", RequestStatus.DRAFT, SEPTEMBER.plusSeconds(86_400));
        requests.add(DemoAccounts.id("lmartin"), "autorisation-absence", RequestStatus.IN_REVIEW, SEPTEMBER.plusSeconds(2 * 86_400));
        requests.add(DemoAccounts.id("sbenali"), "cumul-activites", RequestStatus.IN_REVIEW, SEPTEMBER);
    }

    @Test
    void thePersonSeesHerOwnRequestsMostRecentFirstByPages() {
        String lena = TestStack.get().accessToken("lmartin");
        String next = given().auth().oauth2(lena).queryParam("limit", 2)
                .when().get("/requests")
                .then().statusCode(200)
                .body("items.type.code", contains("autorisation-absence", "temps-partiel"))
                .body("items[0].type.label", is("Autorisation d'absence"))
                .body("items[0].status", is("IN_REVIEW"))
                .body("items[0].createdAt", is("2026-09-17T08:00:00Z"))
                .body("items[1].submittedAt", nullValue())
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(lena).queryParam("limit", 2).queryParam("cursor", next)
                .when().get("/requests")
                .then().statusCode(200)
                .body("items.type.code", contains("formation"))
                .body("items[0].status", is("APPROVED"))
                .body("nextCursor", nullValue());
    }

    @Test
    void nobodySeesAnotherPersonsRequests() {
        given().auth().oauth2(TestStack.get().accessToken("nmoreau"))
                .when().get("/requests")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(TestStack.get().accessToken("sbenali"))
                .when().get("/requests")
                .then().statusCode(200).body("items.type.code", contains("cumul-activites"));
    }

    @Test
    void aBadCursorIsRefusedNamingTheField() {
        given().auth().oauth2(TestStack.get().accessToken("lmartin")).queryParam("cursor", "%%%")
                .when().get("/requests")
                .then().statusCode(400).contentType("application/problem+json").body("field", is("cursor"));
    }
}
