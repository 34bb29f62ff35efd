package fr.academie.mail.signin;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account page's application passwords: made for a device, shown once, listed, revoked; hers only. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class AppPasswordTest {

    @Test
    void aPasswordIsShownOnceListedWithoutItsSecretAndRevokedByItsOwnerOnly() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        JsonPath made = create(lena, "Téléphone de Léna").statusCode(201).extract().jsonPath();
        assertTrue(made.getString("password").matches("[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}"), made.prettify());
        String id = made.getString("id");

        JsonPath listed = given().auth().oauth2(lena.token()).get("/app-passwords").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Téléphone de Léna"), listed.getList("items.name"));
        assertNull(listed.getString("items[0].password"), "never shown again");
        assertEquals(List.of(), given().auth().oauth2(samir.token()).get("/app-passwords").then().statusCode(200)
                .extract().jsonPath().getList("items"), "hers only");

        given().auth().oauth2(samir.token()).delete("/app-passwords/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(lena.token()).delete("/app-passwords/{id}", id).then().statusCode(200)
                .body("name", is("Téléphone de Léna"));
        given().auth().oauth2(lena.token()).delete("/app-passwords/{id}", id).then().statusCode(404);
        assertEquals(List.of(), given().auth().oauth2(lena.token()).get("/app-passwords").then().statusCode(200)
                .extract().jsonPath().getList("items"));
    }

    @Test
    void badNamesAreRefusedNamingTheFieldAndAPersonHasTwentyAtMost() {
        TestMailbox lena = TestMailbox.create();
        for (String body : List.of("{\"name\": \"a\\u0000b\"}", "{\"name\": \"\"}", "{\"name\": 12}",
                "{\"name\": [\"x\"]}", "{\"name\": \"" + "x".repeat(101) + "\"}", "{\"name\": \"a\", \"name\": \"b\"}")) {
            given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(body).post("/app-passwords").then()
                    .statusCode(400).contentType("application/problem+json").body("field", is("name"));
        }
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body("[]").post("/app-passwords").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(lena.token()).delete("/app-passwords/pas-un-uuid").then().statusCode(404);
        for (int i = 0; i < AppPasswordService.AT_MOST; i++) {
            create(lena, "Appareil " + i).statusCode(201);
        }
        create(lena, "Un de trop").statusCode(409).body("type", is("urn:portail:mail:app-passwords-full"));
    }

    private static ValidatableResponse create(TestMailbox mailbox, String name) {
        return given().auth().oauth2(mailbox.token()).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/app-passwords").then();
    }
}
