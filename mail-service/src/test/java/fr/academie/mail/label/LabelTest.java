package fr.academie.mail.label;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Coloured labels, several per message, across folders. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class LabelTest {

    private String token;
    private TestMailbox mailbox;

    @BeforeEach
    void aNewPerson() {
        mailbox = TestMailbox.create();
        token = mailbox.token();
    }

    @Test
    void messagesOfSeveralFoldersCarrySeveralLabelsAndALabelListsThemNewestFirst() {
        String urgent = create("Urgent", "#D93025");
        String rh = create("RH", "#1a73e8");
        String older = deliver(mailbox.folder("INBOX"), "Mon, 23 Nov 2026 10:00:00 +0100");
        String newer = deliver(mailbox.folder("ARCHIVE"), "Tue, 24 Nov 2026 10:00:00 +0100");
        act("LABEL", List.of(older, newer), urgent).then().statusCode(200).body("count", is(2));
        act("LABEL", List.of(older), rh).then().statusCode(200);
        act("LABEL", List.of(older), rh).then().statusCode(200); // again: no second copy

        given().auth().oauth2(token).get("/labels/{id}/messages", urgent).then().statusCode(200)
                .body("items.id", contains(newer, older))
                .body("items[1].labels.name", contains("RH", "Urgent"))
                .body("items[1].labels[1].color", is("#d93025"));
        String next = given().auth().oauth2(token).queryParam("limit", 1).get("/labels/{id}/messages", urgent)
                .then().body("items.id", contains(newer)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("cursor", next).get("/labels/{id}/messages", urgent)
                .then().body("items.id", contains(older)).body("nextCursor", nullValue());
        given().auth().oauth2(token).get("/folders/{id}/messages", mailbox.folder("INBOX")).then()
                .body("items[0].labels.name", contains("RH", "Urgent"));
        given().auth().oauth2(token).get("/messages/{id}", older).then().body("labels.name", contains("RH", "Urgent"));
        given().auth().oauth2(token).get("/labels").then().statusCode(200)
                .body("items.name", contains("RH", "Urgent"))
                .body("items[1].total", is(2))
                .body("items[1].unread", is(0));

        act("UNLABEL", List.of(older), urgent).then().statusCode(200);
        given().auth().oauth2(token).get("/labels/{id}/messages", urgent).then().body("items.id", contains(newer));
    }

    @Test
    void aLabelIsRenamedRecolouredAndDeletedWithoutTouchingItsMessages() {
        String label = create("Pedagogie", "#188038");
        String message = deliver(mailbox.folder("INBOX"), "Mon, 23 Nov 2026 10:00:00 +0100");
        act("LABEL", List.of(message), label).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Pédagogie", "color", "#f9ab00"))
                .put("/labels/{id}", label).then().statusCode(200)
                .body("name", is("Pédagogie")).body("color", is("#f9ab00")).body("total", is(1));
        given().auth().oauth2(token).get("/messages/{id}", message).then().body("labels[0].name", is("Pédagogie"));
        given().auth().oauth2(token).delete("/labels/{id}", label).then().statusCode(200).body("name", is("Pédagogie"));
        given().auth().oauth2(token).get("/messages/{id}", message).then().statusCode(200)
                .body("labels", empty()).body("folderId", is(mailbox.folder("INBOX")));
        given().auth().oauth2(token).get("/labels/{id}/messages", label).then().statusCode(404)
                .body("type", is("urn:portail:mail:label-not-found"));
    }

    @Test
    void namesAreUniqueWhateverTheirCaseAndColoursAreHexadecimal() {
        create("Urgent", "#d93025");
        post(Map.of("name", "URGENT", "color", "#000000")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:mail:label-name-taken")).body("field", is("name"));
        post(Map.of("name", "Rouge", "color", "red")).then().statusCode(400).body("field", is("color"))
                .body("detail", containsString("#rrvvbb"));
        post(Map.of("name", " ", "color", "#000000")).then().statusCode(400).body("field", is("name"));
        post(Map.of("name", "x".repeat(51), "color", "#000000")).then().statusCode(400).body("field", is("name"));
        Map<String, Object> noColour = new HashMap<>();
        noColour.put("name", "Sans couleur");
        post(noColour).then().statusCode(400).body("field", is("color"));
    }

    @Test
    void anotherPersonsLabelsCannotBeSeenChangedNorUsed() {
        String mine = create("Privé", "#000000");
        String lena = TestStack.get().accessToken("lmartin");
        given().auth().oauth2(lena).contentType(ContentType.JSON).body(Map.of("name", "Volé", "color", "#ffffff"))
                .put("/labels/{id}", mine).then().statusCode(404);
        given().auth().oauth2(lena).delete("/labels/{id}", mine).then().statusCode(404);
        given().auth().oauth2(lena).get("/labels/{id}/messages", mine).then().statusCode(404);
        String lenasMessage = given().auth().oauth2(lena).contentType("message/rfc822")
                .body(("From: a@example.org\r\nSubject: s\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\nx\r\n")
                        .getBytes(StandardCharsets.US_ASCII))
                .post("/folders/{id}/import", (String) given().auth().oauth2(lena).get("/folders").then().extract().path("items[0].id"))
                .then().statusCode(201).extract().path("messageId");
        Map<String, Object> body = new HashMap<>();
        body.put("action", "LABEL");
        body.put("ids", List.of(lenasMessage));
        body.put("labelId", mine);
        given().auth().oauth2(lena).contentType(ContentType.JSON).body(body).post("/messages/actions")
                .then().statusCode(404).body("field", is("labelId"));
        given().auth().oauth2(token).get("/labels").then().body("items[0].name", is("Privé")).body("items[0].total", is(0));
    }

    @Test
    void withoutTokenOrWithAnotherAudienceLabelsAreRefused() {
        String mine = create("Privé", "#000000");
        given().get("/labels").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "color", "#000000")).post("/labels").then().statusCode(401);
        given().delete("/labels/{id}", mine).then().statusCode(401);
        given().get("/labels/{id}/messages", mine).then().statusCode(401);
        String pronote = TestStack.get().accessToken("pronote", "lmartin");
        given().auth().oauth2(pronote).get("/labels").then().statusCode(401);
        given().auth().oauth2(pronote).delete("/labels/{id}", mine).then().statusCode(401);
    }

    private String create(String name, String color) {
        return post(Map.of("name", name, "color", color)).then().statusCode(201).extract().path("id");
    }

    private Response post(Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/labels");
    }


    private String deliver(String folder, String date) {
        return given().auth().oauth2(token).contentType("message/rfc822")
                .body(("Date: " + date + "\r\nFrom: a@example.org\r\nSubject: s\r\nMessage-ID: <" + UUID.randomUUID()
                        + "@example.org>\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII))
                .post("/folders/{id}/import", folder).then().statusCode(201).extract().path("messageId");
    }

    private Response act(String action, List<String> ids, String labelId) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("ids", ids);
        body.put("labelId", labelId);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/messages/actions");
    }
}
