package fr.academie.mail.message;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The HTML body as a document of its own for the webmail's sandboxed frame: sanitised, under a script-less policy. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MessageBodyTest {

    @Test
    void theBodyIsSanitisedAndServedUnderAPolicyWithoutScripts() {
        TestMailbox person = TestMailbox.create();
        String id = given().auth().oauth2(person.token()).contentType("message/rfc822").body(("From: x@exemple.fr\r\n"
                        + "Subject: Corps\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p style=\"color:red\">Bonjour</p>"
                        + "<script>alert(1)</script><img src=\"https://exemple.fr/p.png\" onerror=\"alert(2)\">\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", person.folder("INBOX")).then().statusCode(201).extract().path("messageId");
        given().auth().oauth2(person.token()).get("/messages/{id}/body", id).then().statusCode(200)
                .contentType("text/html")
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"), containsString("sandbox"),
                        not(containsString("allow-scripts")), not(containsString("script-src"))))
                .header("X-Content-Type-Options", "nosniff")
                .body(allOf(containsString("color:red"), containsString("Bonjour"), not(containsString("<script")),
                        not(containsString("onerror")), not(containsString("p.png"))));
        given().auth().oauth2(person.token()).get("/messages/{id}/body?images=show", id).then().statusCode(200)
                .body(containsString("https://exemple.fr/p.png"));
        given().auth().oauth2(TestMailbox.create().token()).get("/messages/{id}/body", id).then().statusCode(404);
        given().get("/messages/{id}/body", id).then().statusCode(401);
    }
}
