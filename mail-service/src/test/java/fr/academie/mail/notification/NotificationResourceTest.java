package fr.academie.mail.notification;

import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Other services drop messages in a person's inbox with a client-credentials token holding the notifier
 * role; the same key twice (a retry) delivers once, even when both arrive together.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class NotificationResourceTest {

    private static Map<String, Object> notification(String key, String recipient) {
        return Map.of("key", key, "recipient", DemoAccounts.id(recipient), "subject", "Votre demande a été approuvée",
                "text", "Votre demande de temps partiel a été approuvée par votre chef d'établissement.",
                "senderName", "Colibris");
    }

    @Test
    void aNotifierDeliversToTheInboxAndTheSameKeyAgainDeliversNothingNew() {
        String key = "demande-" + UUID.randomUUID();
        String notifier = TestStack.get().serviceToken("colibris-notifier");
        String messageId = given().auth().oauth2(notifier).contentType(ContentType.JSON).body(notification(key, "lmartin"))
                .when().post("/internal/notifications")
                .then().statusCode(201).extract().path("messageId");
        given().auth().oauth2(notifier).contentType(ContentType.JSON).body(notification(key, "lmartin"))
                .when().post("/internal/notifications")
                .then().statusCode(200).body("messageId", is(messageId));

        String lena = TestStack.get().accessToken("lmartin");
        given().auth().oauth2(lena).when().get("/messages/" + messageId)
                .then().statusCode(200)
                .body("subject", is("Votre demande a été approuvée"))
                .body("from.name", is("Colibris"))
                .body("from.address", is("ne-pas-repondre@ac-orleans-tours.fr"))
                .body("text", is("Votre demande de temps partiel a été approuvée par votre chef d'établissement."))
                .body("unread", is(true));
        String inbox = given().auth().oauth2(lena).get("/folders").then().extract().path("items[0].id");
        List<String> ids = given().auth().oauth2(lena).get("/folders/" + inbox + "/messages?limit=200")
                .then().statusCode(200).extract().path("items.id");
        assertEquals(1, ids.stream().filter(messageId::equals).count(), "delivered once");
    }

    @Test
    void twoRetriesArrivingTogetherDeliverOnce() {
        String key = "demande-" + UUID.randomUUID();
        String notifier = TestStack.get().serviceToken("colibris-notifier");
        List<CompletableFuture<String>> calls = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(notifier).contentType(ContentType.JSON)
                        .body(notification(key, "sbenali")).post("/internal/notifications")
                        .then().extract().path("messageId").toString()))
                .toList();
        assertEquals(1, calls.stream().map(CompletableFuture::join).distinct().count(), "one message for one key");
    }

    @Test
    void aPersonsTokenMayNotNotify() {
        given().auth().oauth2(TestStack.get().accessToken("lmartin")).contentType(ContentType.JSON)
                .body(notification("k-" + UUID.randomUUID(), "sbenali"))
                .when().post("/internal/notifications")
                .then().statusCode(403);
    }

    @Test
    void withoutATokenOrWithAnotherAudienceItIs401() {
        given().contentType(ContentType.JSON).body(notification("k", "sbenali"))
                .when().post("/internal/notifications").then().statusCode(401);
        given().auth().oauth2(TestStack.get().accessToken("pronote", "lmartin")).contentType(ContentType.JSON)
                .body(notification("k", "sbenali"))
                .when().post("/internal/notifications").then().statusCode(401);
    }

    @Test
    void aNotificationWithoutSubjectIsRefusedNamingTheField() {
        given().auth().oauth2(TestStack.get().serviceToken("colibris-notifier")).contentType(ContentType.JSON)
                .body(Map.of("key", "k-" + UUID.randomUUID(), "recipient", DemoAccounts.id("sbenali"), "text", "…"))
                .when().post("/internal/notifications")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", is("subject"))
                .body("detail", is("L'objet est obligatoire.")); // in words: the Java name stays in "field"
    }

    @Test
    void nobodyReadsSomeoneElsesMessage() {
        String messageId = given().auth().oauth2(TestStack.get().serviceToken("colibris-notifier"))
                .contentType(ContentType.JSON).body(notification("k-" + UUID.randomUUID(), "sbenali"))
                .post("/internal/notifications").then().statusCode(201).extract().path("messageId");
        given().auth().oauth2(TestStack.get().accessToken("lmartin"))
                .when().get("/messages/" + messageId)
                .then().statusCode(404).body("type", is("urn:portail:mail:message-not-found"));
    }
}
