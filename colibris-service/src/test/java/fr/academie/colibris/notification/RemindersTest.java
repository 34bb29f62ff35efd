package fr.academie.colibris.notification;

import fr.academie.colibris.outbox.Notice;
import fr.academie.colibris.request.Requests;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whoever decides a step is reminded once when its deadline comes near, once when it has passed, and not again. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class RemindersTest {

    private static final Map<String, Object> TRAINING = Map.of("intitule", "Préparation à l'agrégation interne",
            "organisme", "CNED", "dateDebut", "2027-01-11", "dureeHeures", 120);

    @Inject
    Reminders reminders;

    @Inject
    Requests requests;

    @Test
    void theHeadOfSchoolIsRemindedBeforeTheDeadlineThenWhenItHasPassedOnceEach() {
        TestStack stack = TestStack.get();
        String school = "R" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        String teacher = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "enseignant").username());
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("type", "formation", "form", TRAINING))
                .post("/requests").then().statusCode(201).extract().path("id");
        Instant due = Instant.parse(given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/requests/{id}/submit", id).then().statusCode(200).extract().<String>path("step.dueAt"));
        UUID request = UUID.fromString(id);

        reminders.remind(due.minus(Duration.ofDays(3)));
        assertEquals(List.of(), reminded(request), "three days before: not yet");
        reminders.remind(due.minus(Duration.ofDays(1)));
        reminders.remind(due.minus(Duration.ofHours(20)));
        assertEquals(1, reminded(request).size(), "the day before, once");
        assertTrue(reminded(request).get(0).subject.startsWith("Rappel : demande n° "), reminded(request).get(0).subject);
        reminders.remind(due.plus(Duration.ofHours(1)));
        reminders.remind(due.plus(Duration.ofDays(3)));
        List<Notice> sent = reminded(request);
        assertEquals(2, sent.size(), "and once late");
        assertTrue(sent.get(1).subject.startsWith("En retard : demande n° "), sent.get(1).subject);
        assertTrue(sent.get(1).text.contains("ce délai est dépassé"), sent.get(1).text);
        assertEquals("chef-etablissement", sent.get(1).recipientRole);
        assertEquals(school, sent.get(1).recipientUai); // spread to the school's heads like any row for deciders
    }

    private List<Notice> reminded(UUID request) {
        return requests.notices(request).stream().filter(n -> n.recipientId == null
                && (n.subject.startsWith("Rappel") || n.subject.startsWith("En retard"))).toList();
    }
}
