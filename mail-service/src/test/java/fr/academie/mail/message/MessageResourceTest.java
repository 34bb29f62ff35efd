package fr.academie.mail.message;

import fr.academie.mail.folder.FolderView;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MessageResourceTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    private String samir;
    private UUID samirsInbox;

    @BeforeEach
    void samirHasThreeMessages() {
        samir = TestStack.get().accessToken("sbenali");
        samirsInbox = inboxOf(samir);
        replaceMessages(DemoAccounts.id("sbenali"), samirsInbox);
    }

    @Test
    void aFolderIsListedNewestFirstByPages() {
        JsonPath first = given().auth().oauth2(samir).queryParam("limit", 2)
                .when().get("/folders/{id}/messages", samirsInbox)
                .then().statusCode(200)
                .body("items.subject", contains("Clôture de l'exercice", "Facture cantine"))
                .body("items[0].from.name", is("Agence comptable"))
                .body("items[0].from.address", is("agence.comptable@ac-orleans-tours.fr"))
                .body("items[0].unread", is(true))
                .body("items[1].unread", is(false))
                .body("items[0].date", is("2026-11-25T08:00:00Z"))
                .body("nextCursor", notNullValue())
                .extract().jsonPath();
        given().auth().oauth2(samir).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/folders/{id}/messages", samirsInbox)
                .then().statusCode(200)
                .body("items.subject", contains("Relevé fiscal"))
                .body("nextCursor", nullValue());
    }

    @Test
    void theFolderCountsFollowTheMessages() {
        given().auth().oauth2(samir).when().get("/folders")
                .then().statusCode(200)
                .body("items[0].total", is(3))
                .body("items[0].unread", is(1));
    }

    @Test
    void anotherPersonsFolderIsNotFound() {
        UUID lenasInbox = inboxOf(TestStack.get().accessToken("lmartin"));
        given().auth().oauth2(samir).when().get("/folders/{id}/messages", lenasInbox)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:mail:folder-not-found"))
                .body("detail", containsString("dossier"));
    }

    @Test
    void anUnknownFolderIsNotFound() {
        given().auth().oauth2(samir).when().get("/folders/{id}/messages", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadCursorIsRefusedNamingTheField() {
        given().auth().oauth2(samir).queryParam("cursor", "pas-un-curseur")
                .when().get("/folders/{id}/messages", samirsInbox)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", is("cursor"))
                .body("detail", containsString("curseur"));
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedNamingTheField() {
        given().auth().oauth2(samir).queryParam("limit", 0)
                .when().get("/folders/{id}/messages", samirsInbox)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", is("limit"));
    }

    private static UUID inboxOf(String token) {
        List<FolderView> folders = given().auth().oauth2(token).get("/folders")
                .then().statusCode(200).extract().jsonPath().getList("items", FolderView.class);
        return folders.get(0).id();
    }

    @Transactional
    void replaceMessages(String owner, UUID folder) {
        Message.delete("ownerId", owner);
        persist(owner, folder, "Relevé fiscal", MONDAY, false);
        persist(owner, folder, "Facture cantine", MONDAY.plusSeconds(86_400), false);
        persist(owner, folder, "Clôture de l'exercice", MONDAY.plusSeconds(2 * 86_400), true);
    }

    private static void persist(String owner, UUID folder, String subject, Instant at, boolean unread) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.threadId = message.id; // a conversation of its own
        message.ownerId = owner;
        message.folderId = folder;
        message.senderName = "Agence comptable";
        message.senderAddress = "agence.comptable@ac-orleans-tours.fr";
        message.subject = subject;
        message.receivedAt = at;
        message.unread = unread;
        message.persist();
    }
}
