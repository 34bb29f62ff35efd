package fr.academie.mail.imap;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.MailClients;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
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
        assertTrue(capabilities.contains("CONDSTORE"), capabilities.toString());
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
        assertTrue(session("lmartin", TestStack.get().accessToken("messagerie", "lmartin"), "OAUTHBEARER")
                .getBoolean("authenticated"), "and one of the realm's client for mail programs (Thunderbird's OAuth)");
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
    void condstoreTellsTheClientOnlyWhatChangedSinceItsModseqAndSparesAMessageChangedMeanwhile() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String inbox = lena.folder("INBOX");
        lena.importMessage(inbox, "From: parent@example.org\r\nSubject: Un\r\n\r\nUn\r\n");
        String second = lena.importMessage(inbox, "From: parent@example.org\r\nSubject: Deux\r\n\r\nDeux\r\n");
        long known = number("select highest_modseq from folder where id = ?1", UUID.fromString(inbox));

        JsonPath session = session(lena.id(), lena.token(), "XOAUTH2", List.of(
                List.of("call", "unselect"),
                List.of("select", "INBOX", "(CONDSTORE)"),
                List.of("pause", "1.5"), // the web page flags the second message meanwhile
                List.of("noop"),
                List.of("call", "uid", "FETCH", "1:*", "(FLAGS)", "(CHANGEDSINCE " + known + ")"),
                List.of("call", "uid", "STORE", "1:*", "(UNCHANGEDSINCE " + known + ")", "+FLAGS", "(\\Answered)"),
                List.of("call", "status", "INBOX", "(HIGHESTMODSEQ)"),
                List.of("flags", "1:*")), () -> lena.act("FLAG", second));
        assertEquals("OK", session.getString("steps[1].status"), session.prettify());
        assertTrue(session.getList("steps[1].untagged", String.class).contains(known + " HIGHESTMODSEQ"),
                "SELECT (CONDSTORE) tells the folder's MODSEQ: " + session.prettify());

        List<String> changed = session.getList("steps[4].untagged");
        assertEquals(1, changed.size(), "only the message the web page changed: " + session.prettify());
        assertTrue(changed.get(0).startsWith("2 (") && changed.get(0).contains("UID 2") && changed.get(0).contains("MODSEQ (")
                && changed.get(0).contains("\\Flagged"), changed.get(0));

        assertTrue(session.getString("steps[5].lines[0]").startsWith("[MODIFIED 2]"),
                "the message changed since the client's MODSEQ is left as it is: " + session.prettify());
        List<String> flags = session.getList("steps[7].lines");
        assertTrue(flags.get(0).contains("\\Answered") && !flags.get(1).contains("\\Answered"),
                "the other one is answered, not the one changed: " + flags);
        long now = number("select highest_modseq from folder where id = ?1", UUID.fromString(inbox));
        assertTrue(now > known && session.getString("steps[6].lines[0]").contains("HIGHESTMODSEQ " + now),
                now + " " + session.prettify());
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

    @Test
    void malformedCommandsAreAnsweredAndNeverDropTheSession() throws Exception {
        TestMailbox lena = TestMailbox.create();
        lena.importMessage(lena.folder("INBOX"), "From: parent@example.org\r\nSubject: Un\r\n\r\nUn\r\n");
        Path script = Files.createTempFile("sweep", ".py");
        try (InputStream in = ImapDoorTest.class.getResourceAsStream("/imap/sweep.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            Process sweep = new ProcessBuilder(MailClients.require("python3", "python3").toString(), script.toString(),
                    String.valueOf(imap.port()), lena.id(), lena.token()).redirectErrorStream(true).start();
            String output = new String(sweep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sweep.waitFor(300, TimeUnit.SECONDS), output);
            assertEquals(0, sweep.exitValue(), output);
            JsonPath report = JsonPath.from(output.lines().reduce((earlier, last) -> last).orElseThrow());
            List<Map<String, String>> answers = report.getList("answers");
            // a line longer than 64 KiB (James' limit) ends its connection; a new one is served (the sweep goes on)
            List<String> dropped = answers.stream().filter(a -> a.get("answer").equals("dropped"))
                    .map(a -> a.get("command").substring(0, 6)).toList();
            assertEquals(List.of("NOOP x"), dropped, "every other command answered, none dropping the session");
            List<Map<String, String>> accepted = answers.stream().filter(a -> a.get("answer").equals("OK")).toList();
            // well-formed after all, or answered as RFC 3501 allows: a part that does not exist is empty (6.4.5), no
            // message is that large, NAMESPACE's stray argument is ignored; every other command is BAD or NO
            assertEquals(List.of("FETCH 1 BODY[999.999]", "SELECT INBOX (CONDSTORE)", "SEARCH LARGER 99999999999999999999",
                            "SEARCH (((((((((((((((((((((((((((((((((((((((((ALL)))))))))", "GETQUOTAROOT INBOX",
                            "NAMESPACE extra"), accepted.stream().map(a -> a.get("command")).toList(), answers.toString());
            assertTrue(report.getBoolean("alive"), output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void tenClientsAtOnceOnOneMailboxAreEachServed() throws Exception {
        TestMailbox lena = TestMailbox.create();
        for (int i = 0; i < 5; i++) {
            lena.importMessage(lena.folder("INBOX"), "From: parent@example.org\r\nSubject: M" + i + "\r\n\r\nx\r\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<JsonPath>> clients = IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> session(lena.id(),
                    lena.token(), "XOAUTH2", List.of(List.of("store", String.valueOf(i % 5 + 1), "+FLAGS", "(\\Seen)"),
                            List.of("flags", "1:*"), List.of("noop")), () -> { }))).toList();
            for (Future<JsonPath> client : clients) {
                JsonPath session = client.get(120, TimeUnit.SECONDS);
                assertEquals(List.of("OK", "OK", "OK"), session.getList("steps.status"), session.prettify());
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(lena.token()).get("/folders/{id}/messages", lena.folder("INBOX")).then().statusCode(200)
                .body("items.unread", everyItem(is(false)));
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
