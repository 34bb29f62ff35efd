package fr.academie.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.TestStack;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A new person's mailbox for one test: a real Keycloak account (its subject, its académie address, its token), its
 * system folders by role, and what a test does with it through the API (write, send, wait for a message).
 */
public record TestMailbox(String id, String address, String token, JsonPath folders) {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    public static TestMailbox create() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String token = TestStack.get().accessToken(account.username());
        return new TestMailbox(account.id(), account.email(), token,
                given().auth().oauth2(token).get("/folders").then().statusCode(200).extract().jsonPath());
    }

    /** The id of the system folder of that role (INBOX, SENT, DRAFTS, ARCHIVE, JUNK, TRASH). */
    public String folder(String role) {
        return folders.getString("items.find { it.systemRole == '" + role + "' }.id");
    }

    /** This person as a recipient of a draft. */
    public Map<String, String> asRecipient() {
        return Map.of("name", "Collègue", "address", address);
    }

    /** A new draft with these fields; its id. */
    public String draft(Map<String, ?> fields) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(fields).post("/drafts")
                .then().statusCode(201).extract().path("id");
    }

    /** "Envoyer" (at that time, or after the undo window when null); the scheduled draft. */
    public JsonPath send(String draft, Instant at) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(at == null ? Map.of() : Map.of("sendAt", at.toString()))
                .post("/drafts/{id}/send", draft).then().statusCode(202).extract().jsonPath();
    }

    /** The list line of the message with that subject in the folder, once it has arrived. */
    public JsonPath awaitMessage(String role, String subject) {
        String folder = folder(role);
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(token).get("/folders/{id}/messages", folder).then()
                    .statusCode(200).extract().jsonPath().getList("items");
            return items.stream().filter(m -> subject.equals(m.get("subject"))).findFirst()
                    .map(m -> new JsonPath(json(m))).orElse(null);
        }, notNullValue());
    }

    /** Imports the message (its bytes as written) into one of this person's folders; its id. */
    public String importMessage(String folder, String message) {
        return given().auth().oauth2(token).contentType("message/rfc822").body(message.getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", folder).then().statusCode(201).extract().path("messageId");
    }

    /** An action of the web page ({@code /messages/actions}: FLAG, MOVE, RESTORE…) on this person's messages. */
    public void act(Map<String, Object> action) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(action).post("/messages/actions")
                .then().statusCode(200);
    }

    /** An action without a destination (FLAG, READ, RESTORE…) on one of this person's messages. */
    public void act(String action, String message) {
        act(Map.of("action", action, "ids", List.of(message)));
    }

    /** A new application password of this person's for a device (for IMAP and SMTP submission): its secret. */
    public String appPassword(String device) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", device))
                .post("/app-passwords").then().statusCode(201).extract().path("password");
    }

    /** How many messages the folder's first page lists. */
    public int count(String role) {
        return given().auth().oauth2(token).get("/folders/{id}/messages", folder(role)).then()
                .statusCode(200).extract().jsonPath().getList("items").size();
    }

    /** The stored bytes of one of this person's messages, as text. */
    public String source(String messageId) {
        return given().auth().oauth2(token).get("/messages/{id}/source", messageId).then().statusCode(200)
                .extract().asString();
    }

    /** A top-level header field of one of this person's messages, as written. */
    public String header(String messageId, String name) {
        return source(messageId).lines().filter(line -> line.startsWith(name + ": ")).findFirst()
                .map(line -> line.substring(name.length() + 2).strip()).orElseThrow();
    }

    private static String json(Map<String, Object> map) {
        try {
            return new ObjectMapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
