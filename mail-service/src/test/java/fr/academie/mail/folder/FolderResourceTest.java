package fr.academie.mail.folder;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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
        String token = TestStack.get().accessToken("lmartin");
        List<CompletableFuture<Integer>> calls = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).get("/folders").statusCode()))
                .toList();
        calls.forEach(call -> assertEquals(200, call.join()));
        given().auth().oauth2(token).when().get("/folders")
                .then().statusCode(200).body("items", hasSize(6));
    }
}
