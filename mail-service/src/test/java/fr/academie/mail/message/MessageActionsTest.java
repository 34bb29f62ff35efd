package fr.academie.mail.message;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Marks, moves, the trash and deletion for good, on one message or a selection; the quota follows exactly. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MessageActionsTest {

    private static final int SIZE = 500;

    private String token;
    private TestMailbox mailbox;

    @BeforeEach
    void aNewPerson() {
        mailbox = TestMailbox.create();
        token = mailbox.token();
    }

    @Test
    void aSelectionIsMarkedReadUnreadFlaggedAndUnflagged() {
        String inbox = mailbox.folder("INBOX");
        List<String> ids = List.of(deliver(inbox), deliver(inbox), deliver(inbox));
        act("UNREAD", ids).then().statusCode(200).body("count", is(3));
        assertEquals(3, counts(inbox)[0]);
        act("READ", ids.subList(0, 2)).then().statusCode(200).body("count", is(2));
        assertEquals(1, counts(inbox)[0]);
        act("FLAG", ids.subList(1, 3)).then().statusCode(200);
        assertEquals(List.of(false, true, true), ids.stream().map(id -> given().auth().oauth2(token)
                .get("/messages/{id}", id).then().extract().<Boolean>path("flagged")).toList());
        act("UNFLAG", ids).then().statusCode(200);
        given().auth().oauth2(token).get("/messages/{id}", ids.get(2)).then().body("flagged", is(false));
    }

    @Test
    void messagesMoveArchiveAndComeBackFromTheTrashWhereTheyWere() {
        String inbox = mailbox.folder("INBOX");
        String rome = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Rome"))
                .post("/folders").then().statusCode(201).extract().path("id");
        String a = deliver(inbox);
        String b = deliver(inbox);
        String c = deliver(inbox);
        act("MOVE", List.of(a), rome).then().statusCode(200);
        act("ARCHIVE", List.of(b)).then().statusCode(200);
        assertEquals(rome, folderOf(a));
        assertEquals(mailbox.folder("ARCHIVE"), folderOf(b));

        act("TRASH", List.of(a, b, c)).then().statusCode(200).body("count", is(3));
        assertEquals(3, counts(mailbox.folder("TRASH"))[1]);
        act("TRASH", List.of(a)).then().statusCode(200); // twice in the trash: still remembers Rome
        act("RESTORE", List.of(a, b, c)).then().statusCode(200);
        assertEquals(List.of(rome, mailbox.folder("ARCHIVE"), inbox), List.of(folderOf(a), folderOf(b), folderOf(c)));

        act("TRASH", List.of(a)).then().statusCode(200);
        given().auth().oauth2(token).delete("/folders/{id}", rome).then().statusCode(200);
        act("RESTORE", List.of(a)).then().statusCode(200);
        assertEquals(inbox, folderOf(a), "its folder is gone: back to the inbox");
    }

    @Test
    void deletingForGoodAndEmptyingTheTrashFreeTheQuotaExactly() {
        String inbox = mailbox.folder("INBOX");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(deliver(inbox));
        }
        assertEquals(4L * SIZE, used());
        act("DELETE_FOREVER", ids.subList(0, 1)).then().statusCode(200).body("count", is(1));
        assertEquals(3L * SIZE, used());
        given().auth().oauth2(token).get("/messages/{id}", ids.get(0)).then().statusCode(404);
        given().auth().oauth2(token).get("/messages/{id}/source", ids.get(0)).then().statusCode(404);
        act("TRASH", ids.subList(1, 4)).then().statusCode(200);
        given().auth().oauth2(token).post("/folders/{id}/empty", mailbox.folder("TRASH")).then().statusCode(200).body("count", is(3));
        assertEquals(0L, used());
        assertEquals(0, counts(mailbox.folder("TRASH"))[1]);
        given().auth().oauth2(token).post("/folders/{id}/empty", inbox).then().statusCode(409)
                .body("type", is("urn:portail:mail:not-emptiable"));
    }

    @Test
    void concurrentDeliveriesAndDeletionsKeepTheUsedBytesExact() {
        String inbox = mailbox.folder("INBOX");
        List<String> first = IntStream.range(0, 10).mapToObj(i -> deliver(inbox)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = first.get(i);
                calls.add(CompletableFuture.supplyAsync(() -> importMessage(inbox).statusCode(), pool));
                calls.add(CompletableFuture.supplyAsync(() -> act("DELETE_FOREVER", List.of(id)).statusCode(), pool));
                calls.add(CompletableFuture.supplyAsync(() -> act("DELETE_FOREVER", List.of(id)).statusCode(), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(10, counts(inbox)[1]);
        assertEquals(10L * SIZE, used(), "exactly the bytes of the ten messages left");
    }

    @Test
    void aSelectionHoldingAnotherPersonsMessageChangesNothing() {
        String mine = deliver(mailbox.folder("INBOX"));
        String lena = TestStack.get().accessToken("lmartin");
        given().auth().oauth2(lena).contentType(ContentType.JSON)
                .body(Map.of("action", "TRASH", "ids", List.of(mine))).post("/messages/actions")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:portail:mail:message-not-found"))
                .body("detail", containsString("rien n'a été modifié"));
        act("TRASH", List.of(mine, UUID.randomUUID().toString())).then().statusCode(404);
        assertEquals(mailbox.folder("INBOX"), folderOf(mine));
        given().auth().oauth2(lena).post("/folders/{id}/empty", mailbox.folder("TRASH")).then().statusCode(404);
        String lenasFolder = given().auth().oauth2(lena).get("/folders").then().extract().path("items[0].id");
        act("MOVE", List.of(mine), lenasFolder).then().statusCode(404).body("field", is("folderId"));
    }

    @Test
    void badRequestsNameTheField() {
        String mine = deliver(mailbox.folder("INBOX"));
        act("READ", List.of()).then().statusCode(400).contentType("application/problem+json").body("field", is("ids"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("ids", List.of(mine)))
                .post("/messages/actions").then().statusCode(400).body("field", is("action"));
        act("MOVE", List.of(mine)).then().statusCode(400).body("field", is("folderId"))
                .body("detail", containsString("dossier"));
        act("SHRED", List.of(mine)).then().statusCode(400).contentType("application/problem+json")
                .body("field", is("action"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{pas du json").post("/messages/actions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutTokenOrWithAnotherAudienceNothingChanges() {
        String mine = deliver(mailbox.folder("INBOX"));
        given().contentType(ContentType.JSON).body(Map.of("action", "TRASH", "ids", List.of(mine)))
                .post("/messages/actions").then().statusCode(401);
        given().post("/folders/{id}/empty", mailbox.folder("TRASH")).then().statusCode(401);
        String pronote = TestStack.get().accessToken("pronote", "lmartin");
        given().auth().oauth2(pronote).contentType(ContentType.JSON).body(Map.of("action", "TRASH", "ids", List.of(mine)))
                .post("/messages/actions").then().statusCode(401);
        assertEquals(mailbox.folder("INBOX"), folderOf(mine));
    }


    private String deliver(String folder) {
        return importMessage(folder).then().statusCode(201).extract().path("messageId");
    }

    private Response importMessage(String folder) {
        String head = "From: a@example.org\r\nSubject: s\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\n";
        return given().auth().oauth2(token).contentType("message/rfc822")
                .body((head + "x".repeat(SIZE - head.length())).getBytes(StandardCharsets.US_ASCII))
                .post("/folders/{id}/import", folder);
    }

    private Response act(String action, List<String> ids) {
        return act(action, ids, null);
    }

    private Response act(String action, List<String> ids, String folderId) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("ids", ids);
        body.put("folderId", folderId);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/messages/actions");
    }

    private String folderOf(String id) {
        return given().auth().oauth2(token).get("/messages/{id}", id).then().statusCode(200).extract().path("folderId");
    }

    private long[] counts(String folder) {
        JsonPath list = given().auth().oauth2(token).get("/folders").then().extract().jsonPath();
        return new long[] {list.getLong("items.find { it.id == '" + folder + "' }.unread"),
                list.getLong("items.find { it.id == '" + folder + "' }.total")};
    }

    private long used() {
        return given().auth().oauth2(token).get("/mailbox").then().extract().jsonPath().getLong("used");
    }
}
