package fr.academie.mail.imap;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an IMAP client changes (Python's imaplib): APPEND through the pipeline's storage and quota (not its rules),
 * COPY, MOVE and EXPUNGE as the web page's copies, moves and deletions, folders made, renamed and deleted — each seen
 * at once in the web page, and refused with words a person can read when the mailbox cannot take it.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ImapWritesTest {

    @Inject
    ImapServer imap;

    @Test
    void appendedMessagesAreStoredByteForByteWithTheirFlagsAndDateCountedInTheQuotaAndNeverFiledByTheRules()
            throws Exception {
        TestMailbox lena = TestMailbox.create();
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of("suspended", false, "rules", List.of(
                Map.of("name", "Copies", "enabled", true, "match", "ALL", "conditions", List.of(
                        Map.of("field", "SUBJECT", "operator", "CONTAINS", "value", "Copie")),
                        "actions", List.of(Map.of("kind", "MOVE", "value", "Archives")))))).put("/rules").then().statusCode(200);
        long usedBefore = used(lena);
        String sent = "From: " + lena.address() + "\r\nTo: parent@example.org\r\nSubject: Copie envoyée\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@ac-orleans-tours.fr>\r\n\r\nBonjour,\r\nà jeudi.\r\n";
        String kept = "From: parent@example.org\r\nSubject: Copie gardée\r\n\r\nGardée\r\n";

        JsonPath session = ImapScript.session(imap.port(), lena.id(), lena.token(), List.of(
                List.of("append", "Envoy&AOk-s", "(\\Seen \\Answered)", "2026-11-30 08:15:00", sent),
                List.of("append", "INBOX", "", "", kept)));
        assertEquals("OK", session.getString("steps[0].status"), session.prettify());
        long sentValidity = number("select uid_validity from folder where id = ?1", UUID.fromString(lena.folder("SENT")));
        assertTrue(session.getString("steps[0].lines[0]").startsWith("[APPENDUID " + sentValidity + " 1]"),
                session.prettify());
        assertEquals("OK", session.getString("steps[1].status"));

        JsonPath copy = lena.awaitMessage("SENT", "Copie envoyée");
        assertEquals(false, copy.getBoolean("unread"));
        assertEquals(LocalDateTime.of(2026, 11, 30, 8, 15).atZone(ZoneId.systemDefault()).toInstant(),
                Instant.parse(copy.getString("date")), "the date the client gave");
        assertEquals(sent, lena.source(copy.getString("id")), "byte for byte");
        JsonPath inbox = lena.awaitMessage("INBOX", "Copie gardée");
        assertEquals(List.of(), view(lena, inbox.getString("id")).getList("filedBy"), "the rules never see an APPEND");
        assertEquals(usedBefore + sent.getBytes(StandardCharsets.UTF_8).length + kept.getBytes(StandardCharsets.UTF_8).length, used(lena));
    }

    @Test
    void anAppendThatDoesNotFitIsRefusedOverQuotaAndNothingIsStoredAndTheQuotaIsTheWebPagesFigure() throws Exception {
        TestMailbox lena = TestMailbox.create();
        long used = used(lena);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update mailbox set quota_bytes = used_bytes + 100 where owner_id = ?1")
                .setParameter(1, lena.id()).executeUpdate());
        JsonPath session = ImapScript.session(imap.port(), lena.id(), lena.token(), List.of(
                List.of("append", "Brouillons", "(\\Draft)", "", "Subject: Trop long\r\n\r\n" + "x".repeat(500) + "\r\n"),
                List.of("call", "getquotaroot", "INBOX")));
        assertEquals("NO", session.getString("steps[0].status"), session.prettify());
        assertTrue(session.getString("steps[0].lines[0]").startsWith("[OVERQUOTA]"), session.prettify());
        JsonPath usage = given().auth().oauth2(lena.token()).get("/mailbox").then().extract().jsonPath();
        assertTrue(session.getString("steps[1].lines[1]").endsWith("(STORAGE " + usage.getLong("used") / 1024 + " "
                + usage.getLong("quota") / 1024 + ")"), "the web page's figure, in KiB: " + session.prettify());
        assertEquals(0, lena.count("DRAFTS"));
        assertEquals(used, used(lena));
    }

    @Test
    void copyMoveAndExpungeAreTheWebPagesCopiesMovesAndDeletionsAndKeepTheQuotaExact() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        String kept = lena.importMessage(inbox, "From: a@example.org\r\nSubject: Gardé\r\n\r\nGardé\r\n");
        String trashed = lena.importMessage(inbox, "From: b@example.org\r\nSubject: Jeté\r\n\r\nJeté\r\n");
        String erased = lena.importMessage(inbox, "From: c@example.org\r\nSubject: Effacé\r\n\r\nEffacé pour de bon\r\n");
        lena.act("FLAG", kept);
        long usedBefore = used(lena);

        JsonPath session = ImapScript.session(imap.port(), lena.id(), lena.token(), List.of(
                List.of("call", "uid", "COPY", "1", "Archives"),
                List.of("call", "uid", "MOVE", "2", "Corbeille"),
                List.of("call", "uid", "STORE", "3", "+FLAGS", "(\\Deleted)"),
                List.of("call", "expunge"),
                List.of("call", "select", "Archives")));
        long archives = number("select uid_validity from folder where id = ?1", UUID.fromString(lena.folder("ARCHIVE")));
        assertTrue(session.getString("steps[0].lines[0]").startsWith("[COPYUID " + archives + " 1 1]"), session.prettify());
        assertEquals("OK", session.getString("steps[1].status"), session.prettify());
        assertEquals(List.of("2"), session.getList("steps[3].lines"), "message 2 of the inbox (UID 3) expunged");
        assertEquals(List.of("1"), session.getList("steps[4].lines"), "one message in Archives");

        JsonPath copy = lena.awaitMessage("ARCHIVE", "Gardé");
        assertTrue(copy.getBoolean("flagged"), "the copy keeps the flags");
        assertEquals(1, lena.count("INBOX"));
        lena.awaitMessage("TRASH", "Jeté");
        lena.act("RESTORE", trashed);
        lena.awaitMessage("INBOX", "Jeté"); // the trash remembers where it came from, as after the web page's "supprimer"
        given().auth().oauth2(lena.token()).get("/messages/{id}", erased).then().statusCode(404);
        assertEquals(usedBefore + size(lena, kept) - "From: c@example.org\r\nSubject: Effacé\r\n\r\nEffacé pour de bon\r\n"
                .getBytes(StandardCharsets.UTF_8).length, used(lena), "the copy counted, the expunged freed");
    }

    @Test
    void foldersMadeRenamedAndDeletedByTheClientAreTheWebPagesAndWhatTheWebPageForbidsIsRefusedInWords()
            throws Exception {
        TestMailbox lena = TestMailbox.create();
        JsonPath made = ImapScript.session(imap.port(), lena.id(), lena.token(), List.of(
                List.of("call", "create", "Projets/2027"),
                List.of("call", "create", "Projets"),
                List.of("call", "rename", "Projets", "Classes"),
                List.of("call", "rename", "Envoy&AOk-s", "Autres"),
                List.of("call", "delete", "Classes"),
                List.of("call", "create", "Classes/a\u0001b")));
        assertEquals("OK", made.getString("steps[0].status"), made.prettify());
        assertEquals("NO", made.getString("steps[1].status"));
        assertTrue(made.getString("steps[1].lines[0]").contains("already exists"), made.prettify());
        assertEquals("OK", made.getString("steps[2].status"), made.prettify());
        assertEquals("NO", made.getString("steps[3].status"));
        assertTrue(made.getString("steps[3].lines[0]").contains("\"Envoyes\" est un dossier systeme"), made.prettify());
        assertEquals("NO", made.getString("steps[4].status"));
        assertTrue(made.getString("steps[4].lines[0]").contains("sous-dossiers"), made.prettify());
        assertTrue(List.of("NO", "BAD").contains(made.getString("steps[5].status")), made.prettify());

        JsonPath folders = given().auth().oauth2(lena.token()).get("/folders").then().statusCode(200).extract().jsonPath();
        String classes = folders.getString("items.find { it.name == 'Classes' }.id");
        String year = folders.getString("items.find { it.name == '2027' }.id");
        assertEquals(classes, folders.getString("items.find { it.name == '2027' }.parentId"), folders.prettify());
        assertEquals(null, folders.getString("items.find { it.name == 'Projets' }"), "renamed, not copied");
        lena.importMessage(year, "From: a@example.org\r\nSubject: Liste 2027\r\n\r\nListe\r\n");

        JsonPath deleted = ImapScript.session(imap.port(), lena.id(), lena.token(), List.of(
                List.of("call", "delete", "Classes/2027"),
                List.of("call", "create", "Stages"),
                List.of("call", "rename", "Stages", "Corbeille/Stages")));
        assertEquals("OK", deleted.getString("steps[0].status"), deleted.prettify());
        lena.awaitMessage("TRASH", "Liste 2027"); // its messages wait in the trash, as after the web page's deletion
        assertEquals("OK", deleted.getString("steps[2].status"), deleted.prettify());
        List<String> names = given().auth().oauth2(lena.token()).get("/folders").then().statusCode(200).extract()
                .jsonPath().getList("items.name");
        assertTrue(names.contains("Classes") && !names.contains("2027") && !names.contains("Stages"), names.toString());
    }

    private static long used(TestMailbox mailbox) {
        return given().auth().oauth2(mailbox.token()).get("/mailbox").then().statusCode(200).extract().jsonPath()
                .getLong("used");
    }

    private static long size(TestMailbox mailbox, String message) {
        return mailbox.source(message).getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonPath view(TestMailbox mailbox, String message) {
        return given().auth().oauth2(mailbox.token()).get("/messages/{id}", message).then().statusCode(200)
                .extract().jsonPath();
    }

    private static long number(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
