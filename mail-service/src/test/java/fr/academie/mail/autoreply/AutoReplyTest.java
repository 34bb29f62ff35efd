package fr.academie.mail.autoreply;

import fr.academie.common.date.FrenchDates;
import fr.academie.mail.TestMailbox;
import fr.academie.mail.authenticity.Authenticity;
import fr.academie.mail.authenticity.Verdict;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.mx.Smtplib;
import fr.academie.mail.store.Spool;
import fr.academie.stack.SmtpSink;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samir's closing-period auto-reply: set through the API (dates and times in Paris), it answers a supplier writing
 * through the MX (via the relay) and a colleague (in her inbox) each with their own text, once per sender, never a
 * list or a machine; nothing before its start; a bad period is refused naming the field.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class AutoReplyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @ConfigProperty(name = "mail.mx.port")
    int port;

    @Inject
    Authenticity authenticity;

    @Test
    void samirsClosingPeriodReplyAnswersEachSenderOnceWithTheirOwnText() throws Exception {
        TestMailbox samir = TestMailbox.create();
        LocalDateTime now = LocalDateTime.now(FrenchDates.PARIS).truncatedTo(ChronoUnit.MINUTES);
        JsonPath saved = save(samir, reply(now.minusHours(1), now.plusDays(3))).statusCode(200).extract().jsonPath();
        assertEquals(true, saved.getBoolean("active"), saved.prettify());
        assertEquals(7, saved.getInt("days"));
        assertTrue(saved.getString("period").startsWith("du ") && saved.getString("period").contains(" au "), saved.prettify());
        assertEquals(now.plusDays(3), LocalDateTime.parse(saved.getString("endsAt")), "given back as set, in Paris time");

        // a supplier, through the MX: answered through the relay, with the outside text
        String supplier = "fournisseur-" + UUID.randomUUID().toString().substring(0, 8) + "@papeterie-exemple.fr";
        String messageId = "<" + UUID.randomUUID() + "@papeterie-exemple.fr>";
        send(samir, supplier, "From: Papeterie <" + supplier + ">\r\nMessage-ID: " + messageId + "\r\nSubject: Facture 12\r\n\r\nBonjour.\r\n");
        SmtpSink sink = TestStack.get().stack().smtp();
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(supplier).isEmpty());
        String answer = sink.receivedFor(supplier).get(0).text();
        assertTrue(answer.contains("Auto-Submitted: auto-replied"), answer);
        assertTrue(answer.contains("In-Reply-To: " + messageId), answer);
        ParsedMessage parsed = MimeParser.parse(new ByteArrayInputStream(sink.receivedFor(supplier).get(0).data()));
        assertEquals("Absence de Samir Benali", parsed.subject());
        assertTrue(parsed.text().contains("vos factures seront traitées après la clôture"), parsed.text());
        assertEquals("", sink.receivedFor(supplier).get(0).from(), "no envelope sender: nothing answers an auto-reply");
        Verdict signed = authenticity.check(new Authenticity.Envelope("127.0.0.1", "mx.ac-orleans-tours.fr", ""),
                Spool.of(sink.receivedFor(supplier).get(0).data()));
        assertEquals(List.of(new Verdict.Signature("pass", "ac-orleans-tours.fr", "portail")), signed.dkim(),
                "signed by the académie, as its DNS publishes");
        String first = samir.awaitMessage("INBOX", "Facture 12").getString("id");
        assertEquals(List.of("réponse automatique envoyée à " + supplier), given().auth().oauth2(samir.token())
                .get("/messages/{id}", first).then().extract().jsonPath().getList("filedBy.action"));

        // the same supplier again within the week: no second answer
        send(samir, supplier, "From: Papeterie <" + supplier + ">\r\nSubject: Facture 13\r\n\r\nBonjour.\r\n");
        samir.awaitMessage("INBOX", "Facture 13");
        // a mailing list and a bounce: never answered
        String list = "lettre-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        send(samir, list, "From: Lettre <" + list + ">\r\nList-Id: <lettre.exemple.fr>\r\nSubject: Lettre 1\r\n\r\nNews.\r\n");
        samir.awaitMessage("INBOX", "Lettre 1");
        Thread.sleep(5_000); // two runs of the sender: nothing more may leave
        assertEquals(1, sink.receivedFor(supplier).size(), "once per sender per 7 days");
        assertTrue(sink.receivedFor(list).isEmpty(), "a list is never answered");

        // a colleague, through the webmail: answered in her inbox with the académie text; her own auto-reply, on,
        // does not answer his (no ping-pong)
        TestMailbox lena = TestMailbox.create();
        Map<String, Object> lenas = reply(now.minusHours(1), now.plusDays(1));
        lenas.put("subject", "Absence de Léna Martin");
        save(lena, lenas).statusCode(200);
        lena.send(lena.draft(Map.of("to", List.of(samir.asRecipient()), "subject", "Sortie scolaire",
                "bodyHtml", "<p>Bonjour Samir</p>")), null);
        JsonPath inLenasInbox = lena.awaitMessage("INBOX", "Absence de Samir Benali");
        JsonPath read = given().auth().oauth2(lena.token()).get("/messages/{id}", inLenasInbox.getString("id")).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(read.getString("text").contains("Je reviens lundi"), read.prettify());
        assertTrue(lena.source(inLenasInbox.getString("id")).contains("Auto-Submitted: auto-replied"));
        samir.awaitMessage("INBOX", "Sortie scolaire");
        Thread.sleep(4_000);
        List<String> samirsInbox = given().auth().oauth2(samir.token()).get("/folders/{id}/messages", samir.folder("INBOX"))
                .then().extract().jsonPath().getList("items.subject");
        assertTrue(!samirsInbox.contains("Absence de Léna Martin"), samirsInbox.toString());
    }

    @Test
    void beforeItsStartNothingIsAnsweredAndABadPeriodIsRefused() throws Exception {
        TestMailbox nadia = TestMailbox.create();
        LocalDateTime now = LocalDateTime.now(FrenchDates.PARIS).truncatedTo(ChronoUnit.MINUTES);
        save(nadia, reply(now.plusDays(1), now.plusDays(2))).statusCode(200).body("active", is(false));
        String parent = "parent-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        send(nadia, parent, "From: Parent <" + parent + ">\r\nSubject: Absence de Lucas\r\n\r\nBonjour.\r\n");
        nadia.awaitMessage("INBOX", "Absence de Lucas");
        Thread.sleep(4_000);
        assertTrue(TestStack.get().stack().smtp().receivedFor(parent).isEmpty());

        save(nadia, reply(now.plusDays(2), now.plusDays(1))).statusCode(400).contentType("application/problem+json")
                .body("field", is("endsAt")).body("detail", containsString("après son début"));
        save(nadia, reply(now.minusDays(2), now.minusDays(1))).statusCode(400).body("field", is("endsAt"));
        Map<String, Object> noDays = reply(null, null);
        noDays.put("days", 0);
        save(nadia, noDays).statusCode(400).body("field", is("days"));
        for (String body : List.of("{\"enabled\": true, \"subject\": \"A\", \"internalText\": \"B\\u0000\"}",
                "{\"enabled\": true, \"subject\": \"A\", \"subject\": \"B\", \"internalText\": \"C\"}",
                "{\"enabled\": true, \"subject\": \"A\", \"internalText\": \"C\", \"startsAt\": \"demain\"}",
                "{\"enabled\": true, \"subject\": \"A\", \"internalText\": \"C\", \"days\": 1e99}",
                "{\"enabled\": \"oui\", \"subject\": \"A\", \"internalText\": \"C\"}", "{}", "[]")) {
            io.restassured.response.Response response = given().auth().oauth2(nadia.token()).contentType(ContentType.JSON)
                    .body(body).put("/auto-reply");
            assertEquals(400, response.statusCode(), body + " → " + response.asString());
            assertEquals("application/problem+json", response.contentType());
        }
        given().auth().oauth2(nadia.token()).get("/auto-reply").then().statusCode(200)
                .body("subject", is("Absence de Samir Benali")).body("active", is(false));
        given().get("/auto-reply").then().statusCode(401);
        given().contentType(ContentType.JSON).body(reply(null, null)).put("/auto-reply").then().statusCode(401);
    }

    @Test
    void sieveVacationAnswersMailAddressedToHerOncePerSenderWithTheSameResponder() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String script = """
                require ["vacation"];
                # rule:[Clôture]
                vacation :days 3 :subject "Clôture des comptes" "Bonjour, je traite les factures après le 5 janvier.";
                """;
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of("script", script, "suspended", false))
                .put("/rules").then().statusCode(200).body("extensions", org.hamcrest.Matchers.hasItem("vacation"));

        String supplier = "compta-" + UUID.randomUUID().toString().substring(0, 8) + "@papeterie-exemple.fr";
        send(samir, supplier, "From: <" + supplier + ">\r\nSubject: Facture 40\r\n\r\nBonjour.\r\n");
        SmtpSink sink = TestStack.get().stack().smtp();
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(supplier).isEmpty());
        SmtpSink.Received answer = sink.receivedFor(supplier).get(0);
        ParsedMessage parsed = MimeParser.parse(new ByteArrayInputStream(answer.data()));
        assertEquals("Clôture des comptes", parsed.subject());
        assertEquals(samir.address(), parsed.from().address());
        assertTrue(parsed.text().contains("après le 5 janvier"), parsed.text());
        assertEquals("", answer.from(), "RFC 5230 §5.1: no envelope sender");
        JsonPath first = given().auth().oauth2(samir.token()).get("/messages/{id}",
                samir.awaitMessage("INBOX", "Facture 40").getString("id")).then().extract().jsonPath();
        assertEquals(List.of(Map.of("rule", "Clôture", "line", 3, "action", "réponse automatique envoyée à " + supplier)),
                first.getList("filedBy"), first.prettify());

        // again within the 3 days: not answered; a message not addressed to her (a list's copy): not answered either
        send(samir, supplier, "From: <" + supplier + ">\r\nSubject: Facture 41\r\n\r\nBonjour.\r\n");
        String other = "liste-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        assertEquals("250", Smtplib.send(port, other, List.of(samir.address()), "From: <" + other + ">\r\nTo: "
                + "tous@exemple.fr\r\nSubject: Annonce\r\n\r\nBonjour.\r\n", "send").getString("outcome"));
        samir.awaitMessage("INBOX", "Facture 41");
        samir.awaitMessage("INBOX", "Annonce");
        Thread.sleep(4_000); // two runs of the sender: nothing more may leave
        assertEquals(1, sink.receivedFor(supplier).size());
        assertTrue(sink.receivedFor(other).isEmpty());

        // tried on her inbox: said, not sent
        given().auth().oauth2(samir.token()).contentType(ContentType.JSON).body(Map.of("script", script,
                "folderId", samir.folder("INBOX"), "limit", 10)).post("/rules/trial").then().statusCode(200)
                .body("items.find { it.subject == 'Facture 40' }.actions[0].action", is("répondrait automatiquement à " + supplier));
        Thread.sleep(3_000);
        assertEquals(1, sink.receivedFor(supplier).size());
    }

    private static Map<String, Object> reply(LocalDateTime from, LocalDateTime until) {
        Map<String, Object> body = new HashMap<>(Map.of("enabled", true, "subject", "Absence de Samir Benali",
                "internalText", "Bonjour, je suis en clôture d'exercice. Je reviens lundi.",
                "externalText", "Bonjour, vos factures seront traitées après la clôture de l'exercice."));
        if (from != null) {
            body.put("startsAt", from.toString());
        }
        if (until != null) {
            body.put("endsAt", until.toString());
        }
        return body;
    }

    private static io.restassured.response.ValidatableResponse save(TestMailbox mailbox, Map<String, Object> body) {
        return given().auth().oauth2(mailbox.token()).contentType(ContentType.JSON).body(body).put("/auto-reply").then();
    }

    private void send(TestMailbox to, String from, String headersAndBody) throws Exception {
        String message = "To: " + to.address() + "\r\n" + headersAndBody;
        assertEquals("250", Smtplib.send(port, from, List.of(to.address()), message, "send").getString("outcome"));
    }
}
