package fr.academie.mail.outbound;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.SmtpSink;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sending, from the draft to every mailbox: académie recipients at once, other addresses through the relay (the
 * stack's SMTP sink), undo within the window (2 s in tests), send later, non-delivery reports.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class SendingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aMessageToAColleagueReachesHerInboxAndTheSentFolderOnceTheUndoWindowHasPassed() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String subject = "Sortie au musée " + UUID.randomUUID();
        String draft = lena.draft(Map.of("to", List.of(samir.asRecipient()), "subject", subject,
                "bodyHtml", "<p>Bonjour Samir,</p><p>Rendez-vous <b>jeudi</b>.</p><script>alert(1)</script>"));
        JsonPath scheduled = lena.send(draft, null);
        assertEquals("SCHEDULED", scheduled.getString("state"));
        Instant leaves = Instant.parse(scheduled.getString("sendAt"));
        assertTrue(leaves.isAfter(Instant.now()), "the message waits for the undo window");

        JsonPath received = samir.awaitMessage("INBOX", subject);
        assertEquals(lena.address(), received.getString("from.address"));
        assertTrue(received.getBoolean("unread"));
        JsonPath read = given().auth().oauth2(samir.token()).get("/messages/{id}", received.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertTrue(read.getString("html").contains("<b>jeudi</b>"));
        assertFalse(read.getString("html").contains("script"), "what the editor sent is sanitised before it leaves");
        assertTrue(read.getString("text").contains("Rendez-vous jeudi."), "a text alternative is sent beside the HTML");
        assertTrue(Instant.now().isAfter(leaves.minusMillis(200)));

        lena.awaitMessage("SENT", subject);
        given().auth().oauth2(lena.token()).get("/drafts/{id}", draft).then().statusCode(404);
    }

    @Test
    void annulerBringsTheMessageBackToTheEditorAndNothingLeaves() throws InterruptedException {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String subject = "Finalement non " + UUID.randomUUID();
        String draft = lena.draft(Map.of("to", List.of(samir.asRecipient()), "subject", subject, "bodyHtml", "<p>Oups</p>"));
        lena.send(draft, null);
        given().auth().oauth2(lena.token()).post("/drafts/{id}/cancel", draft).then().statusCode(200)
                .body("state", is("DRAFT")).body("subject", is(subject));
        Thread.sleep(3500); // past the 2 s window and the next runs of the sender
        assertEquals(0, samir.count("INBOX"));
        assertEquals(0, lena.count("SENT"));
        given().auth().oauth2(lena.token()).get("/drafts/{id}", draft).then().statusCode(200).body("state", is("DRAFT"));
    }

    @Test
    void annulerOnceTheMessageHasLeftSaysSo() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String subject = "Parti " + UUID.randomUUID();
        String draft = lena.draft(Map.of("to", List.of(samir.asRecipient()), "subject", subject, "bodyHtml", "<p>Parti</p>"));
        lena.send(draft, null);
        lena.awaitMessage("SENT", subject);
        given().auth().oauth2(lena.token()).post("/drafts/{id}/cancel", draft).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("déjà parti"));
    }

    @Test
    void envoyerPlusTardWaitsForTheChosenTime() throws InterruptedException {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String subject = "Programmé " + UUID.randomUUID();
        String draft = lena.draft(Map.of("to", List.of(samir.asRecipient()), "subject", subject, "bodyHtml", "<p>Demain</p>"));
        Instant at = Instant.now().plusSeconds(5);
        JsonPath scheduled = lena.send(draft, at);
        assertEquals(at, Instant.parse(scheduled.getString("sendAt")));
        given().auth().oauth2(lena.token()).get("/drafts").then().statusCode(200)
                .body("items.find { it.id == '" + draft + "' }.state", is("SCHEDULED"));
        Thread.sleep(3000);
        assertEquals(0, samir.count("INBOX"), "not before its time");
        samir.awaitMessage("INBOX", subject);
        assertFalse(Instant.now().isBefore(at));
    }

    @Test
    void aSendTimeInThePastOrWithoutRecipientIsRefusedNamingTheField() {
        TestMailbox lena = TestMailbox.create();
        String draft = lena.draft(Map.of("to", List.of(Map.of("address", "pas-une-adresse")), "subject", "x"));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of())
                .post("/drafts/{id}/send", draft).then().statusCode(422).contentType("application/problem+json")
                .body("field", is("to")).body("detail", containsString("pas-une-adresse"));
        String empty = lena.draft(Map.of("subject", "personne"));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of())
                .post("/drafts/{id}/send", empty).then().statusCode(422).body("field", is("to"))
                .body("detail", containsString("au moins un destinataire"));
        String later = lena.draft(Map.of("to", List.of(Map.of("address", "samir.benali@ac-orleans-tours.fr"))));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("sendAt", Instant.now().minusSeconds(60).toString()))
                .post("/drafts/{id}/send", later).then().statusCode(422).body("field", is("sendAt"));
        given().auth().oauth2(lena.token()).get("/drafts/{id}", later).then().body("state", is("DRAFT"));
    }

    @Test
    void addressesOutsideTheAcademieGoThroughTheRelaySignedWithEveryRecipientInTheHeaders() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        TestMailbox nadia = TestMailbox.create();
        String outside = "parent." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String subject = "Réunion parents-professeurs " + UUID.randomUUID();
        String draft = lena.draft(Map.of("to", List.of(Map.of("name", "Un Parent", "address", outside)),
                "cc", List.of(samir.asRecipient()), "bcc", List.of(nadia.asRecipient()), "subject", subject,
                "bodyHtml", "<p>Bonjour, la réunion aura lieu mardi.</p>"));
        lena.send(draft, null);

        SmtpSink sink = TestStack.get().stack().smtp();
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(outside).isEmpty());
        SmtpSink.Received relayed = sink.receivedFor(outside).get(0);
        assertEquals(lena.address(), relayed.from());
        assertTrue(sink.receivedFor(samir.address()).isEmpty(), "académie recipients are never sent through the relay");
        String text = relayed.text();
        assertTrue(text.contains(samir.address()), "the Cc line names the académie recipient");
        assertFalse(text.contains(nadia.address()), "a Bcc recipient is never written in what leaves");
        assertTrue(text.contains("la réunion aura lieu mardi") || text.contains("r=C3=A9union aura lieu mardi"));
        // signed for the académie (DKIM) with the key its DNS publishes, so that the recipient's server can trust it
        List<SignatureRecord> signatures = new DKIMVerifier(SendingTest::publishedKey)
                .verify(new ByteArrayInputStream(relayed.data()));
        assertEquals("ac-orleans-tours.fr", signatures.get(0).getDToken().toString());
        assertTrue(signatures.get(0).getHeaders().stream().map(h -> h.toString().toLowerCase()).toList()
                .containsAll(List.of("from", "to", "subject", "date", "message-id")), signatures.get(0).toString());

        JsonPath sent = lena.awaitMessage("SENT", subject);
        JsonPath samirCopy = samir.awaitMessage("INBOX", subject);
        nadia.awaitMessage("INBOX", subject);
        String messageId = lena.header(sent.getString("id"), "Message-ID");
        assertTrue(text.contains("Message-ID: " + messageId), "the relayed copy has the sender's Message-ID");
        assertEquals(messageId, samir.header(samirCopy.getString("id"), "Message-ID"));
        assertTrue(lena.source(sent.getString("id")).contains("Bcc: "), "the sender's copy keeps its Bcc line");
        assertFalse(samir.source(samirCopy.getString("id")).contains("Bcc"));
    }

    /** A DKIM key record as the académie's DNS (the test stack's stub) publishes it, asked over UDP with dnsjava. */
    private static List<String> publishedKey(CharSequence method, CharSequence selector, CharSequence domain) {
        try {
            SimpleResolver dns = new SimpleResolver(new InetSocketAddress("127.0.0.1", TestStack.get().stack().dns().port()));
            Message answer = dns.send(Message.newQuery(org.xbill.DNS.Record.newRecord(
                    Name.fromString(selector + "._domainkey." + domain + "."), Type.TXT, DClass.IN)));
            return answer.getSection(Section.ANSWER).stream()
                    .map(record -> String.join("", ((TXTRecord) record).getStrings())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownAcademieAddressBouncesToTheSenderInFrench() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String unknown = "personne.inconnue" + UUID.randomUUID().toString().substring(0, 6) + "@ac-orleans-tours.fr";
        String subject = "Adresse erronée " + UUID.randomUUID();
        lena.send(lena.draft(Map.of("to", List.of(Map.of("address", unknown), samir.asRecipient()), "subject", subject,
                "bodyHtml", "<p>Test</p>")), null);
        JsonPath bounce = lena.awaitMessage("INBOX", "Non remis : " + subject);
        String text = given().auth().oauth2(lena.token()).get("/messages/{id}", bounce.getString("id")).then()
                .extract().path("text");
        assertTrue(text.contains(unknown) && text.contains("n'existe pas dans l'académie"), text);
        samir.awaitMessage("INBOX", subject);
    }

    @Test
    void aRelayThatRefusesForGoodBouncesAndOneThatIsDownIsRetried() {
        SmtpSink sink = TestStack.get().stack().smtp();
        TestMailbox lena = TestMailbox.create();
        String refused = "refus" + UUID.randomUUID().toString().substring(0, 6) + "@exemple.fr";
        String subject = "Refusé " + UUID.randomUUID();
        sink.refuseWith(451);
        try {
            lena.send(lena.draft(Map.of("to", List.of(Map.of("address", refused)), "subject", subject,
                    "bodyHtml", "<p>x</p>")), null);
            lena.awaitMessage("SENT", subject);
            await().atMost(PATIENCE).until(() -> sink.refusalsFor(refused) >= 1); // the first attempt, refused
            assertTrue(sink.receivedFor(refused).isEmpty(), "refused while the relay says 451");
        } finally {
            sink.refuseWith(0);
        }
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(refused).isEmpty()); // retried once back

        String rejected = "rejet" + UUID.randomUUID().toString().substring(0, 6) + "@exemple.fr";
        String other = "Rejeté " + UUID.randomUUID();
        sink.refuseWith(550);
        try {
            lena.send(lena.draft(Map.of("to", List.of(Map.of("address", rejected)), "subject", other,
                    "bodyHtml", "<p>x</p>")), null);
            JsonPath bounce = lena.awaitMessage("INBOX", "Non remis : " + other);
            String text = given().auth().oauth2(lena.token()).get("/messages/{id}", bounce.getString("id")).then()
                    .extract().path("text");
            assertTrue(text.contains(rejected) && text.contains("a refusé le message"), text);
        } finally {
            sink.refuseWith(0);
        }
        assertTrue(sink.receivedFor(rejected).isEmpty());
    }

    @Test
    void aReplyAllQuotesTheOriginalAnswersEveryoneButMeAndJoinsTheConversation() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        TestMailbox nadia = TestMailbox.create();
        String subject = "Conseil de classe " + UUID.randomUUID();
        lena.send(lena.draft(Map.of("to", List.of(samir.asRecipient()), "cc", List.of(nadia.asRecipient()),
                "subject", subject, "bodyHtml", "<p>Voici l'ordre du jour.</p>")), null);
        JsonPath received = samir.awaitMessage("INBOX", subject);

        JsonPath reply = given().auth().oauth2(samir.token()).post("/messages/{id}/reply?all=true", received.getString("id"))
                .then().statusCode(201).extract().jsonPath();
        assertEquals("RE : " + subject, reply.getString("subject"));
        assertEquals(List.of(lena.address()), reply.getList("to.address"));
        assertEquals(List.of(nadia.address()), reply.getList("cc.address"));
        assertTrue(reply.getString("bodyHtml").contains("a écrit :") && reply.getString("bodyHtml").contains("<blockquote"));
        assertTrue(reply.getString("bodyHtml").contains("Voici l'ordre du jour."));
        samir.send(reply.getString("id"), null);

        JsonPath answer = lena.awaitMessage("INBOX", "RE : " + subject);
        JsonPath sent = lena.awaitMessage("SENT", subject);
        String answerSource = lena.source(answer.getString("id"));
        assertTrue(answerSource.contains("In-Reply-To: " + lena.header(sent.getString("id"), "Message-ID")));
        given().auth().oauth2(lena.token()).get("/folders/{id}/conversations", lena.folder("INBOX")).then().statusCode(200)
                .body("items[0].threadId", notNullValue());
        String thread = given().auth().oauth2(lena.token()).get("/messages/{id}", answer.getString("id")).then()
                .extract().path("threadId");
        given().auth().oauth2(lena.token()).get("/conversations/{id}", thread).then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.contains(subject, "RE : " + subject));
    }

    @Test
    void aForwardAsAttachmentCarriesTheOriginalWhole() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String subject = "Note de service " + UUID.randomUUID();
        lena.send(lena.draft(Map.of("to", List.of(lena.asRecipient()), "subject", subject,
                "bodyHtml", "<p>Original</p>")), null);
        JsonPath original = lena.awaitMessage("INBOX", subject);
        JsonPath forward = given().auth().oauth2(lena.token())
                .post("/messages/{id}/forward?asAttachment=true", original.getString("id"))
                .then().statusCode(201).extract().jsonPath();
        assertEquals("TR : " + subject, forward.getString("subject"));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("to", List.of(samir.asRecipient()), "subject", forward.getString("subject"),
                        "bodyHtml", "<p>Pour information.</p>", "version", forward.getInt("version")))
                .put("/drafts/{id}", forward.getString("id")).then().statusCode(200);
        lena.send(forward.getString("id"), null);
        JsonPath received = samir.awaitMessage("INBOX", "TR : " + subject);
        JsonPath read = given().auth().oauth2(samir.token()).get("/messages/{id}", received.getString("id")).then()
                .extract().jsonPath();
        assertEquals("message/rfc822", read.getString("attachments[0].contentType"));
        assertTrue(read.getString("attachments[0].fileName").endsWith(".eml"));
    }

    @Test
    void twoTabsSavingTheSameDraftDoNotOverwriteEachOther() {
        TestMailbox lena = TestMailbox.create();
        JsonPath created = given().auth().oauth2(lena.token()).contentType(ContentType.JSON).body(Map.of())
                .post("/drafts").then().statusCode(201).extract().jsonPath();
        int version = created.getInt("version");
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("subject", "premier onglet", "bodyHtml", "<p>1</p>", "version", version))
                .put("/drafts/{id}", created.getString("id")).then().statusCode(200).body("version", is(version + 1));
        given().auth().oauth2(lena.token()).contentType(ContentType.JSON)
                .body(Map.of("subject", "second onglet", "bodyHtml", "<p>2</p>", "version", version))
                .put("/drafts/{id}", created.getString("id")).then().statusCode(409)
                .contentType("application/problem+json").body("field", is("version"));
        given().auth().oauth2(lena.token()).get("/drafts/{id}", created.getString("id")).then()
                .body("subject", is("premier onglet"));
    }

    @Test
    void draftsAreTheirOwnersOnly() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String draft = lena.draft(Map.of("subject", "privé"));
        given().auth().oauth2(samir.token()).get("/drafts/{id}", draft).then().statusCode(404);
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of("subject", "volé"))
                .put("/drafts/{id}", draft).then().statusCode(404);
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of())
                .post("/drafts/{id}/send", draft).then().statusCode(404);
        given().auth().oauth2(samir.token()).post("/drafts/{id}/cancel", draft).then().statusCode(404);
        given().auth().oauth2(samir.token()).delete("/drafts/{id}", draft).then().statusCode(404);
        given().auth().oauth2(samir.token()).get("/drafts").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(draft)));
        given().get("/drafts").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/drafts").then().statusCode(401);
        given().auth().oauth2(lena.token()).get("/drafts/{id}", draft).then().statusCode(200).body("subject", is("privé"));
        given().auth().oauth2(lena.token()).delete("/drafts/{id}", draft).then().statusCode(204);
    }
}
