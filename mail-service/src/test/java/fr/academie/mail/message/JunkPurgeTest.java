package fr.academie.mail.message;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indésirables keeps a message 30 days (mail.junk-kept): then it is deleted for good, and its bytes freed. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class JunkPurgeTest {

    @Inject
    JunkPurge purge;

    @Test
    void junkOlderThanThirtyDaysIsDeletedForGoodAndItsBytesFreedWhileTheRestStays() {
        TestMailbox nadia = TestMailbox.create();
        Instant now = Instant.now();
        importInto(nadia, "JUNK", "Gagnez un iPhone", now.minus(Duration.ofDays(40)));
        importInto(nadia, "JUNK", "Promotion de la semaine", now.minus(Duration.ofDays(2)));
        importInto(nadia, "INBOX", "Réunion de l'an dernier", now.minus(Duration.ofDays(400)));
        long before = given().auth().oauth2(nadia.token()).get("/mailbox").then().extract().jsonPath().getLong("used");

        assertTrue(purge.purge(now) >= 1);

        assertEquals(List.of("Promotion de la semaine"), subjects(nadia, "JUNK"));
        assertEquals(List.of("Réunion de l'an dernier"), subjects(nadia, "INBOX"));
        long after = given().auth().oauth2(nadia.token()).get("/mailbox").then().extract().jsonPath().getLong("used");
        assertEquals(before - message("Gagnez un iPhone", now.minus(Duration.ofDays(40))).length, after);
    }

    private static void importInto(TestMailbox mailbox, String role, String subject, Instant date) {
        given().auth().oauth2(mailbox.token()).contentType("message/rfc822").body(message(subject, date))
                .post("/folders/{id}/import", mailbox.folder(role)).then().statusCode(201);
    }

    private static byte[] message(String subject, Instant date) {
        return ("From: expediteur@exemple.com\r\nSubject: " + subject + "\r\nDate: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)) + "\r\nMessage-ID: <"
                + UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8)) + "@exemple.com>\r\n\r\nTexte.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> subjects(TestMailbox mailbox, String role) {
        return given().auth().oauth2(mailbox.token()).get("/folders/{id}/messages", mailbox.folder(role)).then()
                .statusCode(200).extract().jsonPath().getList("items.subject", String.class);
    }
}
