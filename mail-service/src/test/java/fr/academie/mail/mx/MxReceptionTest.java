package fr.academie.mail.mx;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.MailClients;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail from the internet, sent to the MX by Python's smtplib as another server would: it lands in the inbox under
 * the MX's headers; unknown addresses, other domains, a full mailbox and an oversized message are refused with the
 * codes a sending server acts on; a connection dropped before the final dot stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MxReceptionTest {

    @ConfigProperty(name = "mail.mx.port")
    int port;

    @ConfigProperty(name = "mail.max-message-size")
    MemorySize maxMessageSize;

    @Test
    void aMessageFromTheInternetLandsInTheInboxAsReceivedUnderTheMxsHeaders() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String subject = "Sortie au musée " + UUID.randomUUID();
        String message = "From: Parent d'élève <parent@exemple-parent.fr>\r\nTo: " + lena.address() + "\r\nSubject: "
                + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@exemple-parent.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Bonjour Madame,\r\nMa fille sera absente jeudi.\r\n";

        JsonPath answer = send("parent@exemple-parent.fr", List.of(lena.address()), message, "send");

        assertEquals("250", answer.getString("outcome"), answer.prettify());
        assertTrue(answer.getList("ehlo").containsAll(List.of("PIPELINING", "8BITMIME", "SMTPUTF8",
                "ENHANCEDSTATUSCODES", "SIZE " + maxMessageSize.asLongValue())), answer.prettify());
        String id = lena.awaitMessage("INBOX", subject).getString("id");
        String source = lena.source(id);
        // exemple-parent.fr publishes nothing in the test DNS: nothing proven, nothing failed
        assertTrue(source.startsWith("Return-Path: <parent@exemple-parent.fr>\r\n"
                + "Authentication-Results: mx.ac-orleans-tours.fr;\r\n\tspf=none "
                + "smtp.mailfrom=exemple-parent.fr;\r\n\tdkim=none;\r\n\tdmarc=none header.from=exemple-parent.fr\r\n"
                + "Received: from "), source);
        assertTrue(source.endsWith(message), source);
        given().auth().oauth2(lena.token()).get("/messages/{id}", id).then().statusCode(200)
                .body("text", org.hamcrest.Matchers.containsString("Ma fille sera absente jeudi."));
    }

    @Test
    void aServerThatAsksForTlsSendsItsMessageEncrypted() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String subject = "Facture " + UUID.randomUUID();

        JsonPath answer = send("factures@fournisseur.fr", List.of(lena.address()), "Subject: " + subject
                + "\r\n\r\nVeuillez trouver notre facture.\r\n", "starttls");

        assertTrue(answer.getList("ehlo").contains("STARTTLS"), answer.prettify());
        assertTrue(answer.getString("tls").startsWith("TLSv1."), answer.prettify());
        assertEquals("250", answer.getString("outcome"), answer.prettify());
        lena.awaitMessage("INBOX", subject);
    }

    @Test
    void theSameMessageSentAgainAfterALost250IsStoredOnceButDistinctMessagesSharingAMessageIdAreKept() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String messageId = "<" + UUID.randomUUID() + "@fournisseur.fr>";
        String quote = "From: devis@fournisseur.fr\r\nSubject: Devis\r\nMessage-ID: " + messageId + "\r\n\r\n";

        // the sending server never got the first 250 and sends the very same bytes again
        assertEquals("250", send("devis@fournisseur.fr", List.of(samir.address()), quote + "Devis n° 1\r\n", "send")
                .getString("outcome"));
        assertEquals("250", send("devis@fournisseur.fr", List.of(samir.address()), quote + "Devis n° 1\r\n", "send")
                .getString("outcome"));
        // another message that reuses the Message-ID (a careless mailer): a message of its own
        assertEquals("250", send("devis@fournisseur.fr", List.of(samir.address()), quote + "Devis n° 2\r\n", "send")
                .getString("outcome"));

        samir.awaitMessage("INBOX", "Devis");
        List<String> texts = given().auth().oauth2(samir.token()).get("/folders/{id}/messages", samir.folder("INBOX"))
                .then().statusCode(200).extract().jsonPath().getList("items.snippet", String.class);
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("Devis n° 1")) && texts.stream().anyMatch(t -> t.contains("Devis n° 2")),
                texts.toString());
    }

    @Test
    void anUnknownAddressOrAnotherDomainIsRefusedAtRcpt() throws Exception {
        JsonPath answer = send("parent@exemple-parent.fr",
                List.of("personne.inconnue@ac-orleans-tours.fr", "quelqu.un@exemple.com"), "Subject: x\r\n\r\nx\r\n", "send");

        assertEquals("no recipient", answer.getString("outcome"), answer.prettify());
        assertEquals(550, answer.getInt("refused['personne.inconnue@ac-orleans-tours.fr'][0]"));
        assertTrue(answer.getString("refused['personne.inconnue@ac-orleans-tours.fr'][1]")
                .startsWith("5.1.1 Adresse inconnue"), answer.prettify());
        assertEquals(550, answer.getInt("refused['quelqu.un@exemple.com'][0]"));
        assertTrue(answer.getString("refused['quelqu.un@exemple.com'][1]").startsWith("5.7.1 "), answer.prettify());
    }

    @Test
    void aFullMailboxIsRefusedForNowSoThatTheSendersServerRetriesThenForGoodOnceFullForLong() throws Exception {
        TestMailbox full = TestMailbox.create();
        given().auth().oauth2(full.token()).get("/mailbox").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update mailbox set quota_bytes = 0 where owner_id = ?1")
                .setParameter(1, full.id()).executeUpdate());

        JsonPath answer = send("parent@exemple-parent.fr", List.of(full.address()), "Subject: x\r\n\r\nx\r\n", "send");

        assertEquals(452, answer.getInt("refused['" + full.address() + "'][0]"), answer.prettify());
        assertTrue(answer.getString("refused['" + full.address() + "'][1]").startsWith("4.2.2 Boite aux lettres pleine"));

        // full for longer than mail.mx.full-refused-for-good-after (a day): the sender is told at once, for good
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update mailbox set full_since = now() - interval '25 hours' where owner_id = ?1")
                .setParameter(1, full.id()).executeUpdate());
        answer = send("parent@exemple-parent.fr", List.of(full.address()), "Subject: x\r\n\r\nx\r\n", "send");
        assertEquals(552, answer.getInt("refused['" + full.address() + "'][0]"), answer.prettify());
        assertTrue(answer.getString("refused['" + full.address() + "'][1]").startsWith("5.2.2 Boite aux lettres pleine"));

        // room again (a message deleted, a larger quota): mail is taken, and the clock starts afresh next time
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update mailbox set quota_bytes = 1000000 where owner_id = ?1")
                .setParameter(1, full.id()).executeUpdate());
        answer = send("parent@exemple-parent.fr", List.of(full.address()), "Subject: place\r\n\r\nx\r\n", "send");
        assertEquals(Map.of(), answer.getMap("refused"), answer.prettify());
        full.awaitMessage("INBOX", "place");
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update mailbox set quota_bytes = 0 where owner_id = ?1")
                .setParameter(1, full.id()).executeUpdate());
        answer = send("parent@exemple-parent.fr", List.of(full.address()), "Subject: x\r\n\r\nx\r\n", "send");
        assertEquals(452, answer.getInt("refused['" + full.address() + "'][0]"), answer.prettify());
    }

    @Test
    void aMessageLargerThanTheLimitIsRefusedBeforeItIsSent() throws Exception {
        TestMailbox lena = TestMailbox.create();

        JsonPath answer = send("parent@exemple-parent.fr", List.of(lena.address()), "Subject: x\r\n\r\nx\r\n",
                "size=60000000");

        assertTrue(answer.getString("outcome").startsWith("552 5.3.4"), answer.prettify());
        assertEquals(0, lena.count("INBOX"));
    }

    @Test
    void aConnectionDroppedBeforeTheFinalDotStoresNothing() throws Exception {
        TestMailbox lena = TestMailbox.create();

        JsonPath answer = send("parent@exemple-parent.fr", List.of(lena.address()),
                "Subject: coupé\r\n\r\n" + "ligne\r\n".repeat(1000), "drop");

        assertEquals("dropped", answer.getString("outcome"), answer.prettify());
        assertEquals(354, answer.getInt("data[0]"));
        Thread.sleep(1000); // what the MX does with the half it got, it does at once
        assertEquals(0, lena.count("INBOX"));
    }

    @Test
    void aSenderThatPipelinesItsCommandsIsServedInOrder() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String subject = "Conseil de classe " + UUID.randomUUID();
        Process swaks = new ProcessBuilder(MailClients.require("swaks", "swaks").toString(), "--server", "127.0.0.1",
                "--port", String.valueOf(port), "--ehlo", "mail.lycee-voisin.fr", "--from", "secretariat@lycee-voisin.fr",
                "--to", lena.address() + ",personne.inconnue@ac-orleans-tours.fr", "--pipeline",
                "--header", "Subject: " + subject, "--body", "Le conseil de classe est avancé à 17 h.")
                .redirectErrorStream(true).start();
        String transcript = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(swaks.waitFor(60, TimeUnit.SECONDS), transcript);

        // the commands went in one write after EHLO; the answers came back in order, the unknown one refused
        assertTrue(transcript.contains("250-PIPELINING"), transcript);
        assertTrue(Pattern.compile("(?m)^ -> MAIL FROM:.*\\R -> RCPT TO:.*\\R -> RCPT TO:.*\\R -> DATA")
                .matcher(transcript).find(), transcript);
        assertTrue(transcript.contains("550 5.1.1 Adresse inconnue"), transcript);
        lena.awaitMessage("INBOX", subject);
    }

    private JsonPath send(String sender, List<String> recipients, String message, String mode)
            throws IOException, InterruptedException {
        return Smtplib.send(port, sender, recipients, message, mode);
    }
}
