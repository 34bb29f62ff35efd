package fr.academie.mail.signature;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Several signatures per person, sanitised, one default for new mail and one for replies, and the académie template. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class SignatureTest {

    @Test
    void theDefaultSignaturesStartNewMessagesAndReplies() {
        TestMailbox lena = TestMailbox.create();
        String formal = create(lena, "Officielle", "<p>Léna Martin<br>Professeure d'histoire-géographie</p><script>x()</script>",
                true, false);
        create(lena, "Courte", "<p>L. M.</p>", false, true);
        given().auth().oauth2(lena.token()).get("/signatures").then().statusCode(200).body("items", hasSize(2))
                .body("items.find { it.name == 'Officielle' }.bodyHtml", not(containsString("script")));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of()).post("/drafts").then()
                .statusCode(201).body("bodyHtml", containsString("Professeure d'histoire-géographie"));

        // a second default for new mail takes over from the first
        create(lena, "Nouvelle", "<p>Nouvelle</p>", true, false);
        given().auth().oauth2(lena.token()).get("/signatures").then()
                .body("items.find { it.id == '" + formal + "' }.defaultNew", is(false));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of()).post("/drafts").then()
                .body("bodyHtml", containsString("Nouvelle"));
    }

    @Test
    void namesAreUniqueAndRequiredAndSignaturesAreTheirOwnersOnly() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String id = create(lena, "Perso", "<p>x</p>", false, false);
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "perso", "bodyHtml", "<p>y</p>")).post("/signatures").then().statusCode(409)
                .contentType("application/problem+json").body("field", is("name"));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of("bodyHtml", "<p>y</p>"))
                .post("/signatures").then().statusCode(400).body("detail", containsString("nom de la signature"));
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Volée", "bodyHtml", "<p>y</p>")).put("/signatures/{id}", id).then().statusCode(404);
        given().auth().oauth2(samir.token()).delete("/signatures/{id}", id).then().statusCode(404);
        given().get("/signatures").then().statusCode(401);
        given().auth().oauth2(lena.token()).delete("/signatures/{id}", id).then().statusCode(204);
    }

    @Test
    void theAcademieTemplateNamesThePersonTheirFunctionAndTheirSchool() {
        String token = TestStack.get().accessToken("lmartin");
        given().auth().oauth2(token).get("/signatures/template").then().statusCode(200)
                .body("bodyHtml", containsString("Léna Martin"))
                .body("bodyHtml", containsString("Personnel enseignant"))
                .body("bodyHtml", containsString("(UAI 0450042K)"))
                .body("bodyHtml", containsString("Académie d'Orléans-Tours"));
    }

    private static String create(TestMailbox mailbox, String name, String html, boolean forNew, boolean forReplies) {
        return given().auth().oauth2(mailbox.token()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "bodyHtml", html, "defaultNew", forNew, "defaultReply", forReplies))
                .post("/signatures").then().statusCode(201).extract().path("id");
    }
}
