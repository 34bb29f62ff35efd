package fr.academie.mail.folder;

import fr.academie.mail.message.Message;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class FolderResourceTest {

    @Test
    void theSystemFoldersAreCreatedAtFirstAccessInTheirUsualOrder() {
        forgetMailbox("nmoreau");
        given().auth().oauth2(TestStack.get().accessToken("nmoreau"))
                .when().get("/folders")
                .then().statusCode(200)
                .body("items.name", contains("Boîte de réception", "Envoyés", "Brouillons", "Archives",
                        "Indésirables", "Corbeille"))
                .body("items.systemRole", contains("INBOX", "SENT", "DRAFTS", "ARCHIVE", "JUNK", "TRASH"))
                .body("items.total", everyItem(is(0)))
                .body("nextCursor", is((Object) null));
    }

    @Test
    void concurrentFirstAccessesCreateEachSystemFolderOnce() {
        forgetMailbox("lmartin");
        String token = TestStack.get().accessToken("lmartin");
        List<CompletableFuture<Integer>> calls = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).get("/folders").statusCode()))
                .toList();
        calls.forEach(call -> assertEquals(200, call.join()));
        given().auth().oauth2(token).when().get("/folders")
                .then().statusCode(200).body("items", hasSize(6));
    }

    /** Whatever order the tests run in, the next access is the person's first. */
    @Transactional
    void forgetMailbox(String username) {
        String owner = DemoAccounts.id(username);
        Message.delete("ownerId", owner);
        Folder.delete("ownerId", owner);
    }
}
