package fr.academie.mail.live;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /events with a real token: the stream opens with "ouvert" and its reconnection delay, then names the folders
 * of the caller's own mailbox that a delivery changed, and never another person's.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class LiveResourceTest {

    @TestHTTPResource("/events")
    URI events;

    @Test
    void aDeliveryReachesTheOwnersOpenPageAndNoOneElses() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events)
                .header("Authorization", "Bearer " + lena.token()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        try {
            assertEquals("ouvert", next(lines, "event:"));
            deliver(samir, "Pour Samir");
            deliver(lena, "Pour Léna");
            assertEquals("changement", next(lines, "event:"));
            // Samir's delivery, made first, is not in it: only Léna's inbox
            assertEquals("{\"folders\":[\"" + lena.folder("INBOX") + "\"]}", next(lines, "data:"));
        } finally {
            // not closed: closing the lines waits for the server to end the stream (the token's expiry); the reader is
            // a daemon of the common pool, and the stream ends with the test JVM
            reading.cancel(true);
        }
    }

    /** The value of the stream's next field of that name (what follows "event:", "data:"). */
    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        for (String line = lines.poll(20, TimeUnit.SECONDS); line != null; line = lines.poll(20, TimeUnit.SECONDS)) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new AssertionError("no line starting with " + prefix + " within 20 s");
    }

    private static void deliver(TestMailbox mailbox, String subject) {
        String message = "From: collegue@ac-orleans-tours.fr\r\nTo: " + mailbox.address() + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@ac-orleans-tours.fr>\r\n\r\nBonjour.\r\n";
        given().auth().oauth2(mailbox.token()).contentType("message/rfc822").body(message.getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", mailbox.folder("INBOX")).then().statusCode(201);
    }
}
