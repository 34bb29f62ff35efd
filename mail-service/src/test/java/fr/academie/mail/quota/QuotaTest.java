package fr.academie.mail.quota;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import io.restassured.response.ExtractableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The used bytes of a mailbox stay exact when messages arrive together, and a full mailbox refuses with a reason. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class QuotaTest {

    private static final int MESSAGE = 1000;

    @Test
    void concurrentDeliveriesIntoANearlyFullMailboxAreCountedExactly() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        String token = TestStack.get().accessToken(account.username());
        String inbox = given().auth().oauth2(token).get("/folders").then().extract().jsonPath().getString("items[0].id");
        given().auth().oauth2(token).get("/mailbox").then().statusCode(200)
                .body("quota", is(1024 * 1024 * 1024)).body("used", is(0)).body("nearlyFull", is(false));
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update mailbox set quota_bytes = ?1 where owner_id = ?2")
                .setParameter(1, 10L * MESSAGE + MESSAGE / 2).setParameter(2, account.id()).executeUpdate());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ExtractableResponse<?>>> calls = java.util.stream.IntStream.range(0, 24)
                    .mapToObj(i -> CompletableFuture.<ExtractableResponse<?>>supplyAsync(() -> given().auth().oauth2(token)
                            .contentType("message/rfc822").body(message(i)).post("/folders/{id}/import", inbox)
                            .then().extract(), pool))
                    .toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(ExtractableResponse::statusCode).toList();
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), "ten messages fit: " + statuses);
            assertEquals(14, statuses.stream().filter(s -> s == 409).count(), "the others are refused: " + statuses);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(token).get("/mailbox").then().statusCode(200)
                .body("used", is(10 * MESSAGE))
                .body("percent", is(95))
                .body("nearlyFull", is(true));
        given().auth().oauth2(token).get("/folders/{id}/messages", inbox).then().body("items.size()", is(10));
        given().auth().oauth2(token).contentType("message/rfc822").body(message(99)).post("/folders/{id}/import", inbox)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:mail:quota-exceeded"))
                .body("detail", containsString("Libérez de l'espace"));
    }

    /** A message of exactly MESSAGE bytes, each with its own Message-ID. */
    private static byte[] message(int i) {
        String head = "From: x@example.org\r\nSubject: m" + i + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\n";
        byte[] bytes = (head + "x".repeat(MESSAGE - head.length())).getBytes(StandardCharsets.US_ASCII);
        assertTrue(bytes.length == MESSAGE);
        return bytes;
    }
}
