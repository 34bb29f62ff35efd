package fr.academie.colibris.outbox;

import fr.academie.colibris.request.Requests;
import fr.academie.stack.Service;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notifications of a request reach the person's académie mailbox through the outbox, with what changed and the
 * link; with mail-service down during three transitions, each arrives once it is back, exactly once; a delivery
 * whose answer was lost is delivered again without a second message.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class OutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Map<String, Object> TRAINING = Map.of("intitule", "Préparation à l'agrégation interne",
            "organisme", "CNED", "dateDebut", "2027-01-11", "dureeHeures", 120);

    @Inject
    Requests requests;

    @Test
    void threeTransitionsWhileMailServiceIsDownAreEachDeliveredOnceItIsBack() {
        TestStack stack = TestStack.get();
        TestStack.Account teacher = stack.newAccount(Map.of("uai", "0450042K"), "personnel", "enseignant");
        String head = stack.accessToken(stack.newAccount(Map.of("uai", "0450042K"), "personnel", "chef-etablissement").username());
        String hr = stack.accessToken(stack.newAccount("personnel", "gestionnaire-rh").username());
        String lena = stack.accessToken(teacher.username());
        String id = given().auth().oauth2(lena).contentType(ContentType.JSON).body(Map.of("type", "formation", "form", TRAINING))
                .post("/requests").then().statusCode(201).extract().path("id");
        long number = given().auth().oauth2(lena).get("/requests/{id}", id).then().extract().jsonPath().getLong("number");
        String inbox = inbox(lena);

        stack.stop(Service.MAIL);
        try {
            act(lena, id, "submit", Map.of("version", 0));
            act(head, id, "decision", Map.of("decision", "APPROVE", "comment", "Avis favorable.", "version", 1));
            act(hr, id, "decision", Map.of("decision", "APPROVE", "comment", "Bonne préparation !", "version", 2));
            await().atMost(PATIENCE).until(() -> requests.noticesTo(UUID.fromString(id), teacher.id()).stream().allMatch(n -> n.attempts >= 2));
            requests.noticesTo(UUID.fromString(id), teacher.id()).forEach(n -> {
                assertNull(n.deliveredAt, "nothing is lost while mail-service is down: the rows wait");
                assertTrue(n.lastError != null && !n.lastError.isBlank());
            });
        } finally {
            stack.restart(Service.MAIL);
        }

        await().atMost(PATIENCE).until(() -> requests.noticesTo(UUID.fromString(id), teacher.id()).stream().allMatch(n -> n.deliveredAt != null));
        List<Notice> notices = requests.noticesTo(UUID.fromString(id), teacher.id());
        assertEquals(3, notices.size());
        String prefix = "Demande n° " + number + " (Formation) : ";
        List<String> subjects = mail(lena).get("/folders/{id}/messages?limit=50", inbox).then().statusCode(200).extract()
                .jsonPath().getList("items.subject", String.class).stream().filter(s -> s.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "acceptée", prefix + "acceptée à l'étape « Avis du chef d'établissement »",
                prefix + "déposée"), subjects, "each once, newest first");

        // what the last one says: the status, who decided and their comment, and the link to the request
        String last = mail(lena).get("/folders/{id}/messages?limit=1", inbox).then().extract().path("items[0].id");
        String text = mail(lena).get("/messages/{id}", last).then().statusCode(200).extract().path("text");
        assertTrue(text.contains("Votre demande n° " + number + " — Formation — est acceptée."), text);
        assertTrue(text.contains("Commentaire : Bonne préparation !"), text);
        assertTrue(text.contains("/demarches/" + id), text);

        // the relay's mark was lost after mail-service took it: the same key again delivers nothing new
        requests.undeliver(notices.get(0).id);
        await().atMost(PATIENCE).until(() -> requests.noticesTo(UUID.fromString(id), teacher.id()).get(0).deliveredAt != null);
        assertEquals(3, mail(lena).get("/folders/{id}/messages?limit=50", inbox).then().extract().jsonPath()
                .getList("items.subject", String.class).stream().filter(s -> s.startsWith(prefix)).count());
    }

    @Test
    void whoeverDecidesTheNextStepIsToldItWaitsForThemAndNobodyElse() {
        TestStack stack = TestStack.get();
        String school = "T" + UUID.randomUUID().toString().substring(0, 7).toUpperCase(); // a school of this test's own
        String teacher = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "enseignant").username());
        TestStack.Account headAccount = stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement");
        TestStack.Account otherHead = stack.newAccount(Map.of("uai", "0370035M"), "personnel", "chef-etablissement");
        TestStack.Account hrAccount = stack.newAccount("personnel", "gestionnaire-rh");
        String head = stack.accessToken(headAccount.username());
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("type", "formation", "form", TRAINING))
                .post("/requests").then().statusCode(201).extract().path("id");
        act(teacher, id, "submit", Map.of("version", 0));
        long number = given().auth().oauth2(teacher).get("/requests/{id}", id).then().extract().jsonPath().getLong("number");
        String subject = "À traiter : demande n° " + number + " (Formation) – Avis du chef d'établissement";

        await().atMost(PATIENCE).until(() -> !requests.noticesTo(UUID.fromString(id), headAccount.id()).isEmpty()
                && requests.noticesTo(UUID.fromString(id), headAccount.id()).get(0).deliveredAt != null);
        String text = textOf(head, subject);
        assertTrue(text.startsWith("Bonjour Camille Essai,"), text);
        assertTrue(text.contains("de Camille Essai attend votre décision : « Avis du chef d'établissement », au plus tard le "), text);
        assertTrue(text.contains("/demarches/" + id), text);
        assertTrue(requests.noticesTo(UUID.fromString(id), otherHead.id()).isEmpty(), "another school's head is not told");
        assertTrue(requests.noticesTo(UUID.fromString(id), hrAccount.id()).isEmpty(), "nor HR, before its step");

        act(head, id, "decision", Map.of("decision", "APPROVE", "comment", "Avis favorable.", "version", 1));
        await().atMost(PATIENCE).until(() -> !requests.noticesTo(UUID.fromString(id), hrAccount.id()).isEmpty()
                && requests.noticesTo(UUID.fromString(id), hrAccount.id()).get(0).deliveredAt != null);
        String hrText = textOf(stack.accessToken(hrAccount.username()), "À traiter : demande n° " + number
                + " (Formation) – Décision de la DPE");
        assertTrue(hrText.contains("L'étape précédente a été acceptée par Camille Essai : Avis favorable."), hrText);
        assertEquals(1, requests.noticesTo(UUID.fromString(id), headAccount.id()).size(), "the head, once");
    }

    /** The text of the message with that subject in the person's inbox. */
    private static String textOf(String token, String subject) {
        String inbox = inbox(token);
        String message = mail(token).get("/folders/{id}/messages?limit=50", inbox).then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.subject == '" + subject.replace("'", "\\'") + "' }.id");
        assertTrue(message != null, "no message « " + subject + " » in the inbox");
        return mail(token).get("/messages/{id}", message).then().statusCode(200).extract().path("text");
    }

    private static void act(String token, String id, String action, Map<String, Object> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/requests/{id}/" + action, id)
                .then().statusCode(200);
    }

    private static RequestSpecification mail(String token) {
        return given().baseUri(TestStack.get().service(Service.MAIL)).auth().oauth2(token);
    }

    private static String inbox(String token) {
        return mail(token).get("/folders").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.systemRole == 'INBOX' }.id");
    }
}
