package fr.academie.mail.imap;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IMAP door, driven by Python's imaplib: a person signs in with an access token of the realm (OAUTHBEARER or
 * XOAUTH2, checked as the web door checks it) and finds the folders and messages of the web page, with their special
 * uses, UIDs and flags, and each message byte for byte as it was received.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ImapDoorTest {

    @Inject
    ImapServer imap;

    @Test
    void aClientSignedInWithARealmTokenFindsTheWebPagesFoldersAndEachMessageByteForByte() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        String first = "From: Parent <parent@example.org>\r\nTo: " + lena.address() + "\r\nSubject: Sortie\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\nBonjour,\r\nla sortie est jeudi.\r\n";
        String second = "From: direction@ac-orleans-tours.fr\r\nSubject: =?UTF-8?Q?R=C3=A9union?=\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@ac-orleans-tours.fr>\r\n\r\nOrdre du jour\r\n";
        String firstId = lena.importMessage(inbox, first);
        lena.importMessage(inbox, second);
        lena.act("FLAG", firstId);

        JsonPath session = session(lena.id(), lena.token(), "XOAUTH2");
        assertTrue(session.getBoolean("authenticated"), session.prettify());
        List<String> capabilities = session.getList("capabilities");
        assertTrue(capabilities.containsAll(List.of("IMAP4REV1", "AUTH=OAUTHBEARER", "AUTH=XOAUTH2", "SPECIAL-USE", "IDLE",
                "NAMESPACE", "ENABLE", "LITERAL+", "ID")), capabilities.toString());
        assertTrue(capabilities.contains("AUTH=PLAIN") && capabilities.contains("MOVE"), "application passwords, MOVE");
        assertFalse(capabilities.contains("QRESYNC") || capabilities.contains("LOGINDISABLED"), "only what it does");
        List<String> folders = session.getList("folders");
        assertTrue(folders.stream().anyMatch(f -> f.endsWith("\"/\" \"INBOX\"") || f.endsWith("\"/\" INBOX")), folders.toString());
        List<String> special = session.getList("specialUse");
        assertTrue(special.stream().anyMatch(f -> f.contains("\\Sent") && f.contains("Envoy&AOk-s")), special.toString());
        assertTrue(special.stream().anyMatch(f -> f.contains("\\Trash") && f.contains("Corbeille")), special.toString());
        assertEquals(2, session.getInt("exists"));
        assertEquals(String.valueOf(number("select uid_validity from folder where id = ?1", UUID.fromString(inbox))),
                session.getString("uidvalidity"));

        List<Map<String, String>> messages = session.getList("messages");
        assertTrue(messages.get(0).get("meta").contains("UID 1") && messages.get(0).get("meta").contains("\\Flagged"),
                messages.get(0).get("meta"));
        assertTrue(messages.get(1).get("meta").contains("UID 2") && !messages.get(1).get("meta").contains("\\Flagged"));
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(messages.get(0).get("bytes")));
        assertArrayEquals(second.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(messages.get(1).get("bytes")));
    }

    @Test
    void oauthBearerNamingHerAddressOpensHerMailboxAndNamingAnotherIsRefused() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        JsonPath own = session(lena.address(), lena.token(), "OAUTHBEARER");
        assertTrue(own.getBoolean("authenticated"), own.prettify());
        JsonPath other = session(samir.address(), lena.token(), "OAUTHBEARER"); // Léna's token, Samir's name
        assertFalse(other.getBoolean("authenticated"), "no one opens another's mailbox with her own token");
    }

    @Test
    void noPathOpensAnotherPersonsFolder() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        samir.importMessage(samir.folder("INBOX"), "From: x@example.org\r\nSubject: Pour Samir\r\n\r\nPrivé\r\n");
        JsonPath session = session(lena.id(), lena.token(), "XOAUTH2", List.of(
                List.of("examine", "#user/" + samir.id() + "/INBOX"),
                List.of("examine", "#user/" + samir.address() + "/INBOX"),
                List.of("examine", "#private/" + samir.id() + "/INBOX"),
                List.of("examine", "../" + samir.id() + "/INBOX"),
                List.of("examine", "Envoy&AOk-s")), () -> { });
        for (int i = 0; i < 4; i++) {
            assertEquals("NO", session.getString("steps[" + i + "].status"), session.prettify());
        }
        assertEquals("OK", session.getString("steps[4].status"), "her own folders open: " + session.prettify());
    }

    @Test
    void aTokenThatIsNotAValidAccessTokenForThisServiceIsRefused() throws Exception {
        TestStack.ShortLivedToken expiring = TestStack.get().shortLivedToken("lmartin");
        for (String token : List.of("pas-un-jeton", TestStack.get().accessToken("pronote", "lmartin"),
                TestStack.get().foreignToken())) {
            JsonPath session = session("lmartin", token, "XOAUTH2");
            assertFalse(session.getBoolean("authenticated"), token);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiring.expires()).toMillis()) + 1500);
        assertFalse(session("lmartin", expiring.value(), "OAUTHBEARER").getBoolean("authenticated"), "expired");
        assertTrue(session("lmartin", TestStack.get().accessToken("lmartin"), "OAUTHBEARER").getBoolean("authenticated"),
                "while a valid one of hers is accepted");
    }

    @Test
    void flagsAndLabelsSetByTheClientAreTheWebPagesAndTheWebPagesReachTheClientInIdle() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        String first = lena.importMessage(inbox, "From: parent@example.org\r\nSubject: Un\r\n\r\nUn\r\n");
        String second = lena.importMessage(inbox, "From: parent@example.org\r\nSubject: Deux\r\n\r\nDeux\r\n");
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of("name", "Réunion", "color", "#1a73e8"))
                .post("/labels").then().statusCode(201);

        JsonPath session = session(lena.id(), lena.token(), "XOAUTH2", List.of(
                List.of("store", "1", "+FLAGS", "(\\Seen \\Flagged Reunion $Forwarded)"),
                List.of("idle", "10", "FETCH"),
                List.of("flags", "1:*")), () -> lena.act("FLAG", second));
        String stored = session.getString("steps[0].lines[0]");
        assertTrue(stored.contains("\\Seen") && stored.contains("\\Flagged") && stored.contains("Reunion")
                && stored.contains("$Forwarded"), stored);
        JsonPath read = given().auth().oauth2(lena.token()).get("/messages/{id}", first).then().statusCode(200)
                .extract().jsonPath();
        assertFalse(read.getBoolean("unread"));
        assertTrue(read.getBoolean("flagged"));
        assertEquals(List.of("Réunion"), read.getList("labels.name"), "the keyword is the label's");

        String pushed = session.getString("steps[1].line");
        assertTrue(pushed != null && pushed.startsWith("* 2 FETCH") && pushed.contains("\\Flagged"),
                "the flag set in the web page reached the idle client: " + session.prettify());
        assertTrue(session.getString("steps[2].lines[0]").contains("$Forwarded"), "the client's own keyword is kept");
    }

    @Test
    void anIdleClientIsToldOfANewMessageAtOnce() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        JsonPath session = session(lena.id(), lena.token(), "XOAUTH2", List.of(List.of("idle", "10", "EXISTS")),
                () -> lena.importMessage(inbox, "From: parent@example.org\r\nSubject: Nouveau\r\n\r\nNouveau\r\n"));
        assertEquals("* 1 EXISTS", session.getString("steps[0].line"), session.prettify());
        System.out.printf("IMAP IDLE told of a new message %.0f ms after the client began to wait%n",
                session.getDouble("steps[0].waited") * 1000);
    }

    private JsonPath session(String user, String token, String mechanism) throws IOException, InterruptedException {
        return ImapScript.session(imap.port(), user, token, mechanism);
    }

    private JsonPath session(String user, String token, String mechanism, List<List<String>> steps, Runnable whileIdle)
            throws IOException, InterruptedException {
        return ImapScript.session(imap.port(), user, token, mechanism, steps, whileIdle);
    }

    private static long number(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
