package fr.academie.mail.message;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** "Libérer de l'espace" (the largest messages) and "toujours afficher les images de cet expéditeur". */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class FreeSpaceTest {

    @Test
    void theLargestMessagesComeFirstWithTheirAttachments() {
        TestMailbox person = TestMailbox.create();
        String inbox = person.folder("INBOX");
        importMessage(person, inbox, "Petit", "x".repeat(100), null);
        importMessage(person, inbox, "Gros", "y".repeat(100), "z".repeat(200_000));
        importMessage(person, person.folder("ARCHIVE"), "Moyen", "w".repeat(50_000), null);
        given().auth().oauth2(person.token()).get("/mailbox/largest?limit=2").then().statusCode(200)
                .body("items.message.subject", contains("Gros", "Moyen"))
                .body("items[0].attachments[0].fileName", is("releve.pdf"));
        given().auth().oauth2(person.token()).get("/mailbox/largest?limit=0").then().statusCode(400)
                .body("field", is("limit"));
        given().get("/mailbox/largest").then().statusCode(401);
        // another person's largest are theirs
        given().auth().oauth2(TestMailbox.create().token()).get("/mailbox/largest").then().statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void aTrustedSendersImagesAreShownWithoutAsking() {
        TestMailbox person = TestMailbox.create();
        String id = given().auth().oauth2(person.token()).contentType("message/rfc822").body(("From: Lettre <infos@exemple.fr>\r\n"
                        + "Subject: Lettre d'information\r\nMessage-ID: <lettre@exemple.fr>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                        + "<p>Bonjour</p><img src=\"https://exemple.fr/pixel.png\">\r\n").getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", person.folder("INBOX")).then().statusCode(201).extract().path("messageId");
        given().auth().oauth2(person.token()).get("/messages/{id}", id).then().body("remoteImagesBlocked", is(true))
                .body("senderTrusted", is(false)).body("html", org.hamcrest.Matchers.not(containsString("pixel.png")));
        given().auth().oauth2(person.token()).contentType(ContentType.JSON).body(Map.of("address", "Infos@Exemple.fr"))
                .post("/trusted-senders").then().statusCode(204);
        given().auth().oauth2(person.token()).get("/messages/{id}", id).then().body("remoteImagesBlocked", is(false))
                .body("senderTrusted", is(true)).body("html", containsString("https://exemple.fr/pixel.png"));
        given().auth().oauth2(person.token()).get("/trusted-senders").then().body("items", is(List.of("infos@exemple.fr")));
        given().auth().oauth2(person.token()).contentType(ContentType.JSON).body(Map.of("address", "pas une adresse"))
                .post("/trusted-senders").then().statusCode(400).body("field", containsString("address"));
        given().auth().oauth2(TestMailbox.create().token()).delete("/trusted-senders/infos@exemple.fr").then().statusCode(404);
        given().auth().oauth2(person.token()).delete("/trusted-senders/infos@exemple.fr").then().statusCode(204);
        given().auth().oauth2(person.token()).get("/messages/{id}", id).then().body("remoteImagesBlocked", is(true));
        given().contentType(ContentType.JSON).body(Map.of("address", "a@b.fr")).post("/trusted-senders").then().statusCode(401);
    }

    private static void importMessage(TestMailbox person, String folder, String subject, String body, String attachment) {
        String message = "From: Samir <samir.benali@ac-orleans-tours.fr>\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + java.util.UUID.randomUUID() + "@exemple.fr>\r\nMIME-Version: 1.0\r\n";
        if (attachment == null) {
            message += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        } else {
            message += "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n" + body
                    + "\r\n--b\r\nContent-Type: application/pdf; name=releve.pdf\r\nContent-Disposition: attachment; "
                    + "filename=releve.pdf\r\n\r\n" + attachment + "\r\n--b--\r\n";
        }
        given().auth().oauth2(person.token()).contentType("message/rfc822").body(message.getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", folder).then().statusCode(201);
    }
}
