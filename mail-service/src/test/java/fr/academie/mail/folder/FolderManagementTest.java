package fr.academie.mail.folder;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Personal folders nested to any depth: created, renamed, moved and deleted without losing or reordering mail. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class FolderManagementTest {

    private String token;

    @BeforeEach
    void aNewPerson() {
        token = TestStack.get().accessToken(TestStack.get().newAccount("personnel").username());
    }

    @Test
    void foldersNestToAnyDepth() {
        String projets = create("Projets 2026-2027", null);
        String voyage = create("Voyage Rome", projets);
        String budget = create("Budget", voyage);
        JsonPath folders = list();
        assertEquals(voyage, folders.getString("items.find { it.id == '" + budget + "' }.parentId"));
        assertEquals(projets, folders.getString("items.find { it.id == '" + voyage + "' }.parentId"));
        assertEquals(null, folders.getString("items.find { it.id == '" + projets + "' }.parentId"));
        assertEquals(9, folders.getList("items").size(), "six system folders and three of her own");
    }

    @Test
    void aNameIsUniqueAmongSiblingsWhateverItsCaseButMayRepeatElsewhere() {
        String projets = create("Projets", null);
        create("Budget", projets);
        post(Map.of("name", "BUDGET", "parentId", projets)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:mail:folder-name-taken"))
                .body("field", is("name"))
                .body("detail", is("Un dossier « BUDGET » existe déjà à cet endroit : choisissez un autre nom."));
        create("Budget", null);
        post(Map.of("name", "corbeille")).then().statusCode(409).body("field", is("name"));
    }

    @Test
    void renamingOrMovingAFolderKeepsItsMessagesInTheirOrder() {
        String projets = create("Projets", null);
        String rome = create("Rome", projets);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).contentType("message/rfc822")
                    .body(("Date: Mon, 2" + i + " Nov 2026 10:00:00 +0100\r\nFrom: a@example.org\r\nSubject: m" + i
                            + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII))
                    .post("/folders/{id}/import", rome).then().statusCode(201);
        }
        List<String> before = messages(rome);
        assertEquals(List.of("m4", "m3", "m2", "m1", "m0"), subjects(rome));

        put(rome, Map.of("name", "Voyage à Rome", "parentId", projets)).then().statusCode(200)
                .body("name", is("Voyage à Rome")).body("total", is(5));
        assertEquals(before, messages(rome));
        Map<String, Object> top = new HashMap<>();
        top.put("name", "Voyage à Rome");
        top.put("parentId", null);
        put(rome, top).then().statusCode(200).body("parentId", nullValue());
        assertEquals(before, messages(rome));
        put(rome, Map.of("name", "Rome 2027", "parentId", create("Archives perso", null))).then().statusCode(200);
        assertEquals(before, messages(rome));
    }

    @Test
    void aFolderCannotGoInsideItselfNorItsDescendantsNorTheTrash() {
        String projets = create("Projets", null);
        String rome = create("Rome", projets);
        String budget = create("Budget", rome);
        put(projets, Map.of("name", "Projets", "parentId", budget)).then().statusCode(409)
                .body("type", is("urn:portail:mail:folder-cycle"))
                .body("field", is("parentId"));
        put(projets, Map.of("name", "Projets", "parentId", projets)).then().statusCode(409);
        put(projets, Map.of("name", "Projets", "parentId", system("TRASH"))).then().statusCode(400)
                .body("field", is("parentId"))
                .body("detail", containsString("corbeille"));
        assertEquals(null, list().getString("items.find { it.id == '" + projets + "' }.parentId"), "nothing moved");
    }

    @Test
    void systemFoldersCannotBeRenamedMovedOrDeleted() {
        String inbox = system("INBOX");
        put(inbox, Map.of("name", "Ma boîte")).then().statusCode(409)
                .body("type", is("urn:portail:mail:system-folder"))
                .body("detail", containsString("« Boîte de réception » est un dossier système"));
        given().auth().oauth2(token).delete("/folders/{id}", inbox).then().statusCode(409)
                .body("type", is("urn:portail:mail:system-folder"));
    }

    @Test
    void deletingAFolderSendsItsMessagesAndItsSubFoldersMessagesToTheTrash() {
        String projets = create("Projets", null);
        String rome = create("Rome", projets);
        importInto(projets, "p");
        importInto(rome, "r1");
        importInto(rome, "r2");
        given().auth().oauth2(token).delete("/folders/{id}", projets).then().statusCode(200)
                .body("movedToTrash", is(3));
        JsonPath folders = list();
        assertFalse(folders.getList("items.id").contains(projets));
        assertFalse(folders.getList("items.id").contains(rome));
        assertEquals(List.of("r2", "r1", "p").stream().sorted().toList(), subjects(system("TRASH")).stream().sorted().toList());
        given().auth().oauth2(token).get("/mailbox").then().body("used", org.hamcrest.Matchers.greaterThan(0));
        Map<String, Object> restore = new HashMap<>();
        restore.put("action", "RESTORE");
        restore.put("ids", messages(system("TRASH")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(restore).post("/messages/actions")
                .then().statusCode(200).body("count", is(3));
        assertEquals(3, subjects(system("INBOX")).size(), "their folders are gone: restored to the inbox");
    }

    @Test
    void badNamesAreRefusedNamingTheField() {
        post(Map.of("name", "  ")).then().statusCode(400).contentType("application/problem+json")
                .body("field", is("name")).body("detail", containsString("obligatoire"));
        post(Map.of("name", "Projets/Rome")).then().statusCode(400).body("field", is("name"))
                .body("detail", containsString("« / »"));
        post(Map.of("name", "x".repeat(101))).then().statusCode(400).body("field", is("name"));
        given().auth().oauth2(token).contentType(ContentType.JSON).post("/folders").then().statusCode(400);
    }

    @Test
    void anotherPersonsFoldersCannotBeTouchedNorUsedAsParent() {
        String lena = TestStack.get().accessToken("lmartin");
        String mine = create("Privé", null);
        given().auth().oauth2(lena).contentType(ContentType.JSON).body(Map.of("name", "Volé"))
                .put("/folders/{id}", mine).then().statusCode(404).body("type", is("urn:portail:mail:folder-not-found"));
        given().auth().oauth2(lena).delete("/folders/{id}", mine).then().statusCode(404);
        given().auth().oauth2(lena).contentType(ContentType.JSON).body(Map.of("name", "Intrus", "parentId", mine))
                .post("/folders").then().statusCode(404).body("field", is("parentId"));
        assertEquals("Privé", list().getString("items.find { it.id == '" + mine + "' }.name"));
    }

    @Test
    void withoutTokenOrWithAnotherAudienceNothingChanges() {
        String mine = create("Privé", null);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/folders").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).put("/folders/{id}", mine).then().statusCode(401);
        given().delete("/folders/{id}", mine).then().statusCode(401);
        String pronote = TestStack.get().accessToken("pronote", "lmartin");
        given().auth().oauth2(pronote).contentType(ContentType.JSON).body(Map.of("name", "x")).post("/folders").then().statusCode(401);
        given().auth().oauth2(pronote).delete("/folders/{id}", mine).then().statusCode(401);
        assertEquals("Privé", list().getString("items.find { it.id == '" + mine + "' }.name"));
    }

    private String create(String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        return post(body).then().statusCode(201).body("name", is(name)).extract().path("id");
    }

    private io.restassured.response.Response post(Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/folders");
    }

    private io.restassured.response.Response put(String id, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/folders/{id}", id);
    }

    private JsonPath list() {
        return given().auth().oauth2(token).get("/folders").then().statusCode(200).extract().jsonPath();
    }

    private String system(String role) {
        return list().getString("items.find { it.systemRole == '" + role + "' }.id");
    }

    private List<String> messages(String folder) {
        return given().auth().oauth2(token).get("/folders/{id}/messages", folder).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    private List<String> subjects(String folder) {
        return given().auth().oauth2(token).get("/folders/{id}/messages", folder).then().statusCode(200)
                .extract().jsonPath().getList("items.subject");
    }

    private void importInto(String folder, String subject) {
        given().auth().oauth2(token).contentType("message/rfc822")
                .body(("From: a@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                        + "@example.org>\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII))
                .post("/folders/{id}/import", folder).then().statusCode(201);
    }
}
