package fr.academie.colibris.request;

import fr.academie.colibris.outbox.Notice;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exchanges on a request, with real tokens: the person and her head of school write to each other and are told;
 * the head's private note reaches neither the person's page nor her mailbox; nobody else may write.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class ExchangesTest {

    private static final Map<String, Object> TRAINING = Map.of("intitule", "Préparation à l'agrégation interne",
            "organisme", "CNED", "dateDebut", "2027-01-11", "dureeHeures", 120);

    @Inject
    Requests requests;

    @Test
    void thePersonAndHerHeadOfSchoolWriteToEachOtherAndThePrivateNoteStaysWithTheDeciders() {
        TestStack stack = TestStack.get();
        String school = "X" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        TestStack.Account teacherAccount = stack.newAccount(Map.of("uai", school), "personnel", "enseignant");
        TestStack.Account headAccount = stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement");
        String teacher = stack.accessToken(teacherAccount.username());
        String head = stack.accessToken(headAccount.username());
        String hr = stack.accessToken(stack.newAccount("personnel", "gestionnaire-rh").username());
        String colleague = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "enseignant").username());
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("type", "formation", "form", TRAINING))
                .post("/requests").then().statusCode(201).extract().path("id");

        write(teacher, id, "Bonjour", false).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("une fois la demande déposée"));
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/requests/{id}/submit", id).then().statusCode(200).body("actions", contains("withdraw", "write"));

        write(teacher, id, "Puis-je envoyer le programme la semaine prochaine ?", true).statusCode(400)
                .body("field", is("privateNote"));
        write(teacher, id, "   ", false).statusCode(400).body("field", is("text"))
                .body("detail", is("Écrivez votre message."));
        write(teacher, id, "x".repeat(4001), false).statusCode(400).body("field", is("text"))
                .body("detail", is("Le message ne peut dépasser 4 000 caractères."));
        write(teacher, id, "collé d'un PDF\u0000", false).statusCode(400).body("field", is("text")) // in words, not « text »
                .body("detail", is("Un texte saisi contient un caractère non permis (caractère nul ou mal codé) : retapez"
                        + " le passage copié, puis réessayez."));
        write(colleague, id, "Je peux aider ?", false).statusCode(404);

        write(teacher, id, "Puis-je envoyer le programme la semaine prochaine ?", false).statusCode(201)
                .body("fromRequester", is(true)).body("privateNote", is(false)).body("authorName", is("Camille Essai"));
        write(head, id, "À voir avec l'inspecteur avant de donner mon avis.", true).statusCode(201)
                .body("privateNote", is(true)).body("fromRequester", is(false));
        write(head, id, "Oui, avant la fin du mois.", false).statusCode(201);

        given().auth().oauth2(teacher).get("/requests/{id}", id).then().statusCode(200)
                .body("messages.text", contains("Puis-je envoyer le programme la semaine prochaine ?", "Oui, avant la fin du mois."));
        given().auth().oauth2(head).get("/requests/{id}", id).then().statusCode(200)
                .body("messages", hasSize(3)).body("messages[1].privateNote", is(true))
                .body("actions", contains("approve", "refuse", "return", "write", "note", "ask-opinion"));
        given().auth().oauth2(hr).get("/requests/{id}", id).then().statusCode(200).body("messages", hasSize(3));

        // told by mail: the person of the head's reply (not of the note); the head of the person's question
        UUID request = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(request, teacherAccount.id(), "nouveau message") == 1
                && delivered(request, headAccount.id(), "nouveau message") == 1);
        Notice toTeacher = only(request, teacherAccount.id(), "nouveau message");
        assertTrue(toTeacher.text.contains("Camille Essai vous a écrit au sujet de votre demande n° "), toTeacher.text);
        assertTrue(toTeacher.text.contains("« Oui, avant la fin du mois. »"), toTeacher.text);
        assertTrue(!toTeacher.text.contains("inspecteur"), "the private note stays with the deciders");
        Notice toHead = only(request, headAccount.id(), "nouveau message");
        assertTrue(toHead.text.startsWith("Bonjour Camille Essai,"), toHead.text);
        assertTrue(toHead.text.contains("« Puis-je envoyer le programme la semaine prochaine ? »"), toHead.text);
        given().auth().oauth2(hr).get("/requests/{id}", id).then()
                .body("deliveries.subject", hasItem(containsString(": nouveau message")))
                .body("deliveries.recipientName", not(hasItem(is((String) null))));
    }

    private long delivered(UUID request, String recipient, String subject) {
        return requests.noticesTo(request, recipient).stream()
                .filter(n -> n.subject.endsWith(subject) && n.deliveredAt != null).count();
    }

    private Notice only(UUID request, String recipient, String subject) {
        List<Notice> notices = requests.noticesTo(request, recipient).stream().filter(n -> n.subject.endsWith(subject)).toList();
        assertEquals(1, notices.size());
        return notices.get(0);
    }

    private static ValidatableResponse write(String token, String id, String text, boolean privateNote) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("text", text, "privateNote", privateNote)).post("/requests/{id}/messages", id).then();
    }
}
