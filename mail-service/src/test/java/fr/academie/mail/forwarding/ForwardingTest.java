package fr.academie.mail.forwarding;

import fr.academie.mail.TestMailbox;
import fr.academie.mail.mx.Smtplib;
import fr.academie.stack.SmtpSink;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forwarding by the rules, through the MX and the relay: inside the académie at once, outside it only within the
 * charter (accepted first), as received and under a rewritten envelope sender (SRS); the portal's messages never
 * outside; loops between two mailboxes and through an outside address stop after one round with one notice; every
 * change of a person's forwarding in an audit log she and the administrators read.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ForwardingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @ConfigProperty(name = "mail.mx.port")
    int port;

    @ConfigProperty(name = "mail.forwarding.srs-secret")
    String srsSecret;

    @Test
    void aForwardInsideTheAcademieKeepsACopyAndSaysWhyHere() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        save(lena, List.of(rule("Vers Samir", forward(samir.address(), true)))).statusCode(200)
                .body("rules[0].actions[0].kind", is("FORWARD")).body("rules[0].actions[0].copy", is(true))
                .body("script", containsString("redirect :copy \"" + samir.address() + "\""));

        String subject = "Sortie au musée " + UUID.randomUUID();
        send(lena, "expediteur@exemple.fr", "From: Musée <expediteur@exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour.\r\n");
        JsonPath kept = view(lena, lena.awaitMessage("INBOX", subject).getString("id"));
        assertEquals(List.of("transféré à " + samir.address()), kept.getList("filedBy.action"), kept.prettify());
        assertEquals("Vers Samir", kept.getString("filedBy[0].rule"));
        String copy = samir.awaitMessage("INBOX", subject).getString("id");
        String source = samir.source(copy);
        assertTrue(source.startsWith("Delivered-To: " + lena.address() + "\r\n"), source);
        assertTrue(source.contains("Subject: " + subject), source);
    }

    @Test
    void outsideTheAcademieTheCharterComesFirstThenTheMessageLeavesAsReceivedUnderSrs() throws Exception {
        TestMailbox nadia = TestMailbox.create();
        String personal = "nadia-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple-perso.fr";
        List<Map<String, Object>> rules = List.of(rule("Vers ma boîte personnelle", forward(personal, false)));
        save(nadia, rules).statusCode(400).contentType("application/problem+json")
                .body("field", is("rules[0].actions[0].value"))
                .body("detail", containsString("acceptez d'abord la charte de transfert"));
        // the ministry's domain is allowed without the charter; her own address never
        save(nadia, List.of(rule("Ministère", forward("dgrh@education.gouv.fr", true)))).statusCode(200);
        save(nadia, List.of(rule("Moi", forward(nadia.address(), true)))).statusCode(400)
                .body("detail", containsString("votre propre adresse"));

        JsonPath charter = given().auth().oauth2(nadia.token()).get("/forwarding").then().statusCode(200)
                .body("external", is("CHARTER")).body("allowedDomains", org.hamcrest.Matchers.hasItem("education.gouv.fr"))
                .body("charter.acceptedAt", nullValue()).body("charter.text", containsString("Charte de transfert"))
                .extract().jsonPath();
        accept(nadia, "1999-01").statusCode(409).body("type", is("urn:portail:mail:charter-changed"));
        accept(nadia, charter.getString("charter.version")).statusCode(200).body("charter.acceptedAt", notNullValue())
                .body("charter.acceptedWhen", notNullValue());
        save(nadia, rules).statusCode(200).body("rules[0].actions[0].copy", is(false))
                .body("script", containsString("redirect \"" + personal + "\""));

        String subject = "Conseil de classe " + UUID.randomUUID();
        String message = "From: Parent <parent@exemple.fr>\r\nTo: " + nadia.address() + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour Madame,\r\nmon fils sera absent.\r\n";
        send(nadia, "parent@exemple.fr", message);
        SmtpSink sink = TestStack.get().stack().smtp();
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(personal).isEmpty());
        SmtpSink.Received out = sink.receivedFor(personal).get(0);
        assertTrue(out.from().startsWith("SRS0=") && out.from().endsWith("@ac-orleans-tours.fr"), out.from());
        assertEquals("parent@exemple.fr", new Srs(srsSecret, "ac-orleans-tours.fr")
                .reverse(out.from(), Instant.now(), Duration.ofDays(21)).orElseThrow(), "the bounce finds its way back");
        // the relay's own Received: on top, then ours, then the message as our MX stored it
        assertTrue(out.text().contains("\r\nDelivered-To: " + nadia.address() + "\r\nAuthentication-Results: "
                + "mx.ac-orleans-tours.fr;"), out.text());
        assertTrue(out.text().endsWith(message), "the message as the parent's server sent it, byte for byte:\n" + out.text());
        assertFalse(out.text().contains("Return-Path:"), out.text());

        // the parent's address fails later: the bounce, sent to the SRS address, goes back to the parent's server
        String bounce = "From: MAILER-DAEMON@exemple-perso.fr\r\nTo: " + out.from() + "\r\nSubject: Undelivered Mail "
                + UUID.randomUUID() + "\r\n\r\nThe mailbox is full.\r\n";
        assertEquals("250", Smtplib.send(port, "", List.of(out.from()), bounce, "send").getString("outcome"));
        await().atMost(PATIENCE).until(() -> sink.receivedFor("parent@exemple.fr").stream()
                .anyMatch(back -> back.text().endsWith(bounce) && back.from().isEmpty()));
        JsonPath spam = Smtplib.send(port, "spammeur@exemple.fr", List.of(out.from()), bounce, "send");
        assertEquals("no recipient", spam.getString("outcome"), "only bounces: " + spam.prettify());
        assertEquals(550, spam.getInt("refused.'" + out.from() + "'[0]"));

        // no copy kept: the trash holds it, saying why
        JsonPath trashed = view(nadia, nadia.awaitMessage("TRASH", subject).getString("id"));
        assertEquals(List.of("transféré à " + personal, "pas de copie gardée : mis à la corbeille"),
                trashed.getList("filedBy.action"), trashed.prettify());

        // a notification of the portal (Colibris) stays in the académie, whatever the rule says
        String decision = "Votre demande de temps partiel " + UUID.randomUUID();
        given().auth().oauth2(TestStack.get().serviceToken("colibris-notifier")).contentType(ContentType.JSON)
                .body(Map.of("key", "k-" + UUID.randomUUID(), "recipient", nadia.id(), "subject", decision,
                        "text", "Votre demande a été approuvée.", "senderName", "Colibris"))
                .post("/internal/notifications").then().statusCode(201);
        JsonPath notice = view(nadia, nadia.awaitMessage("INBOX", decision).getString("id"));
        assertEquals("non transféré : les messages du portail (Colibris, I-Prof) ne quittent jamais l'académie ; le "
                + "message est resté ici", notice.getString("filedBy[0].action"), notice.prettify());
        Thread.sleep(3_000); // a run of the sender: nothing more may leave
        assertEquals(1, sink.receivedFor(personal).size());
    }

    @Test
    void aLoopBetweenTwoMailboxesStopsAfterOneRoundWithOneNotice() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox paul = TestMailbox.create();
        save(lena, List.of(rule("Vers Paul", forward(paul.address(), true)))).statusCode(200);
        save(paul, List.of(rule("Vers Léna", forward(lena.address(), true)))).statusCode(200);

        String subject = "Réunion " + UUID.randomUUID();
        send(lena, "expediteur@exemple.fr", "From: <expediteur@exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour.\r\n");
        await().atMost(PATIENCE).until(() -> inbox(lena, subject).size() == 2);
        List<Map<String, Object>> both = inbox(lena, subject);
        JsonPath back = view(lena, (String) both.get(0).get("id")); // newest first: the copy that came back
        assertEquals("non transféré à " + paul.address() + " : ce message vous est revenu après avoir été transféré "
                + "(boucle de transfert) ; il est resté ici", back.getString("filedBy[0].action"), back.prettify());
        JsonPath told = view(lena, lena.awaitMessage("INBOX", "Boucle de transfert arrêtée : votre règle « Vers Paul »")
                .getString("id"));
        assertTrue(told.getString("text").contains("renvoie sans doute le courrier vers vous"), told.prettify());

        // a second message loops the same way: stopped again, and not told again
        String second = "Réunion bis " + UUID.randomUUID();
        send(lena, "expediteur@exemple.fr", "From: <expediteur@exemple.fr>\r\nSubject: " + second + "\r\n\r\nBonjour.\r\n");
        await().atMost(PATIENCE).until(() -> inbox(lena, second).size() == 2);
        Thread.sleep(3_000);
        assertEquals(1, inbox(lena, "Boucle de transfert arrêtée : votre règle « Vers Paul »").size());
        assertEquals(1, inbox(paul, subject).size(), "Paul received it once");
    }

    @Test
    void aLoopThroughAnOutsideAddressStopsAtItsReturn() throws Exception {
        TestMailbox samir = TestMailbox.create();
        String outside = "samir-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple-perso.fr";
        accept(samir, "2026-09").statusCode(200);
        save(samir, List.of(rule("Vers l'extérieur", forward(outside, true)))).statusCode(200);
        String subject = "Facture " + UUID.randomUUID();
        send(samir, "fournisseur@exemple.fr", "From: <fournisseur@exemple.fr>\r\nMessage-ID: <" + UUID.randomUUID()
                + "@exemple.fr>\r\nSubject: " + subject + "\r\n\r\nBonjour.\r\n");
        SmtpSink sink = TestStack.get().stack().smtp();
        await().atMost(PATIENCE).until(() -> !sink.receivedFor(outside).isEmpty());

        // the outside address sends it back (as a forwarding server would: its Received: on top)
        String returned = "Received: from mx.exemple-perso.fr by mx.exemple-perso.fr; " + "Thu, 3 Dec 2026 10:00:00 +0100\r\n"
                + sink.receivedFor(outside).get(0).text();
        send(samir, "samir@exemple-perso.fr", returned);
        await().atMost(PATIENCE).until(() -> inbox(samir, subject).size() == 2);
        samir.awaitMessage("INBOX", "Boucle de transfert arrêtée : votre règle « Vers l'extérieur »");
        Thread.sleep(3_000);
        assertEquals(1, sink.receivedFor(outside).size(), "forwarded once, not twice");
    }

    @Test
    void everyChangeOfHerForwardingIsInTheAuditLogForHerAndTheAdministrators() {
        TestMailbox paul = TestMailbox.create();
        save(paul, List.of(rule("Secrétariat", forward("secretariat@education.gouv.fr", true)))).statusCode(200);
        Map<String, Object> suspended = new HashMap<>(Map.of("suspended", true,
                "rules", List.of(rule("Secrétariat", forward("secretariat@education.gouv.fr", true)))));
        given().auth().oauth2(paul.token()).contentType(ContentType.JSON).body(suspended).put("/rules").then().statusCode(200);
        // saving the same rules again changes nothing in her forwarding: nothing written
        given().auth().oauth2(paul.token()).contentType(ContentType.JSON).body(suspended).put("/rules").then().statusCode(200);

        List<String> own = given().auth().oauth2(paul.token()).get("/forwarding/journal").then().statusCode(200)
                .extract().jsonPath().getList("items.change");
        assertEquals(List.of("Toutes les règles suspendues : transfert vers secretariat@education.gouv.fr arrêté (règle "
                        + "« Secrétariat »).", "Transfert vers secretariat@education.gouv.fr activé (règle « Secrétariat », "
                        + "une copie reste dans la boîte)."), own);

        String admin = TestStack.get().accessToken("admin");
        JsonPath all = given().auth().oauth2(admin).queryParam("address", paul.address().toUpperCase())
                .queryParam("limit", 1).get("/admin/forwarding/journal").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(own.get(0)), all.getList("items.change"));
        assertEquals(paul.address(), all.getString("items[0].address"));
        given().auth().oauth2(admin).queryParam("address", paul.address()).queryParam("cursor", all.getString("nextCursor"))
                .get("/admin/forwarding/journal").then().statusCode(200).body("items.change", is(List.of(own.get(1))));

        // a person reads her own log only; bad input is a 400 naming the parameter
        given().auth().oauth2(paul.token()).get("/admin/forwarding/journal").then().statusCode(403);
        given().get("/admin/forwarding/journal").then().statusCode(401);
        given().get("/forwarding/journal").then().statusCode(401);
        TestMailbox other = TestMailbox.create();
        given().auth().oauth2(other.token()).get("/forwarding/journal").then().statusCode(200).body("items", is(List.of()));
        given().auth().oauth2(admin).queryParam("address", "a\u0000b").get("/admin/forwarding/journal").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("limit", 0).get("/admin/forwarding/journal").then().statusCode(400)
                .body("field", is("limit"));
        given().auth().oauth2(paul.token()).queryParam("cursor", "pas-un-curseur").get("/forwarding/journal").then()
                .statusCode(400).body("field", is("cursor"));
        for (String body : List.of("{}", "[]", "{\"version\": \"2026-09\", \"version\": \"x\"}", "{\"version\": 12}",
                "{\"version\": \"a\\u0000\"}", "{\"version\": \"" + "9".repeat(100) + "\"}")) {
            io.restassured.response.Response response = given().auth().oauth2(paul.token()).contentType(ContentType.JSON)
                    .body(body).put("/forwarding/charter");
            assertTrue(response.statusCode() == 400 || response.statusCode() == 409, body + " → " + response.asString());
            assertEquals("application/problem+json", response.contentType(), body);
        }
    }

    @Test
    void aScriptsForwardIsCheckedAgainstTheCharterWithItsLineAndTriedWithoutLeaving() {
        TestMailbox claire = TestMailbox.create();
        Map<String, Object> body = new HashMap<>(Map.of("suspended", false, "script",
                "require [\"copy\"];\n# rule:[Tout]\nif true {\n    redirect :copy \"claire@exemple-perso.fr\";\n}\n"));
        given().auth().oauth2(claire.token()).contentType(ContentType.JSON).body(body).put("/rules").then().statusCode(400)
                .body("field", is("script")).body("detail", containsString("Ligne 4 : pour transférer vers une adresse hors"));

        // tried on her messages: what would happen, and nothing leaves
        claire.send(claire.draft(Map.of("to", List.of(claire.asRecipient()), "subject", "Note à moi-même",
                "bodyHtml", "<p>Rappel</p>")), null);
        claire.awaitMessage("INBOX", "Note à moi-même");
        Map<String, Object> trial = Map.of("folderId", claire.folder("INBOX"), "limit", 5,
                "rules", List.of(rule("Ministère", forward("cabinet@education.gouv.fr", false))));
        given().auth().oauth2(claire.token()).contentType(ContentType.JSON).body(trial).post("/rules/trial").then()
                .statusCode(200).body("items[0].actions[0].action", is("serait transféré à cabinet@education.gouv.fr, "
                        + "sans copie gardée (mis à la corbeille) ; seul le courrier qui arrive est transféré"));
    }

    private static Map<String, Object> rule(String name, Map<String, Object> action) {
        return Map.of("name", name, "enabled", true, "match", "ALL", "conditions", List.of(), "actions", List.of(action));
    }

    private static Map<String, Object> forward(String address, boolean copy) {
        return Map.of("kind", "FORWARD", "value", address, "copy", copy);
    }

    private static ValidatableResponse save(TestMailbox mailbox, List<Map<String, Object>> rules) {
        return given().auth().oauth2(mailbox.token()).contentType(ContentType.JSON)
                .body(Map.of("suspended", false, "rules", rules)).put("/rules").then();
    }

    private static ValidatableResponse accept(TestMailbox mailbox, String version) {
        return given().auth().oauth2(mailbox.token()).contentType(ContentType.JSON).body(Map.of("version", version))
                .put("/forwarding/charter").then();
    }

    private void send(TestMailbox to, String sender, String message) throws Exception {
        assertEquals("250", Smtplib.send(port, sender, List.of(to.address()), message, "send").getString("outcome"));
    }

    private static List<Map<String, Object>> inbox(TestMailbox mailbox, String subject) {
        return given().auth().oauth2(mailbox.token()).get("/folders/{id}/messages", mailbox.folder("INBOX")).then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.subject == '" + subject.replace("'", "\\'") + "' }");
    }

    private static JsonPath view(TestMailbox mailbox, String id) {
        return given().auth().oauth2(mailbox.token()).get("/messages/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
