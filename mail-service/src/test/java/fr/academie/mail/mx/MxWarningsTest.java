package fr.academie.mail.mx;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warnings of mail from the internet as the reading pane gets them: a phishing attempt lands in Indésirables
 * with its reasons and its program never served; a parent's first message lands in the inbox, only said to be a first.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MxWarningsTest {

    @ConfigProperty(name = "mail.mx.port")
    int port;

    @Test
    void aPhishingAttemptGoesToIndesirablesWithItsReasonsAndItsProgramIsNeverServed() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String subject = "Votre boite va etre fermee " + UUID.randomUUID();
        String program = Base64.getMimeEncoder().encodeToString("MZ pas vraiment un programme".getBytes(StandardCharsets.US_ASCII));
        String message = "From: Service informatique <support@ac-orleans-tour.fr>\r\nTo: " + lena.address()
                + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Confirmez votre mot de passe sur "
                + "<a href=\"http://203.0.113.9/login\">https://webmail.ac-orleans-tours.fr</a></p>\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"facture.pdf.exe\"\r\nContent-Disposition: attachment;"
                + " filename=\"facture.pdf.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + program + "\r\n--b--\r\n";

        assertEquals("250", Smtplib.send(port, "support@ac-orleans-tour.fr", List.of(lena.address()), message, "send")
                .getString("outcome"));

        String id = lena.awaitMessage("JUNK", subject).getString("id");
        JsonPath view = given().auth().oauth2(lena.token()).get("/messages/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("nom-trompeur", "domaine-ressemblant", "lien-trompeur", "premier-message",
                "piece-jointe-executable"), view.getList("warnings.code"), view.prettify());
        assertTrue(view.getString("warnings.find { it.code == 'domaine-ressemblant' }.detail")
                .contains("imite celle de ac-orleans-tours.fr"), view.prettify());
        assertEquals(true, view.getBoolean("attachments[0].blocked"));
        given().auth().oauth2(lena.token()).get("/messages/{id}/attachments/{a}", id, view.getString("attachments[0].id"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:portail:mail:attachment-blocked"))
                .body("detail", containsString("« facture.pdf.exe » est un programme"));
        assertTrue(lena.source(id).contains(program.lines().findFirst().orElseThrow()), "the source keeps it for export");

        // "Ce n'est pas un indésirable": back to the inbox, its sender trusted; the next one stays in the inbox, warned
        given().auth().oauth2(lena.token()).contentType("application/json")
                .body("{\"action\": \"NOT_JUNK\", \"ids\": [\"" + id + "\"]}").post("/messages/actions")
                .then().statusCode(200);
        lena.awaitMessage("INBOX", subject);
        String again = "Dernier rappel " + UUID.randomUUID();
        Smtplib.send(port, "support@ac-orleans-tour.fr", List.of(lena.address()), message.replace(subject, again), "send");
        JsonPath next = view(lena, lena.awaitMessage("INBOX", again).getString("id"));
        assertTrue(next.getList("warnings.code").contains("domaine-ressemblant"), next.prettify());
    }

    @Test
    void aReportedPhishingGoesToIndesirablesAndWholeToTheSecurityTeamAsAnAbuseReport() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String subject = "Mise a jour de votre compte " + UUID.randomUUID();
        Smtplib.send(port, "alerte@banque-exemple.fr", List.of(lena.address()), "From: Banque <alerte@banque-exemple.fr>\r\n"
                + "To: " + lena.address() + "\r\nSubject: " + subject + "\r\n\r\nCliquez ici pour debloquer.\r\n", "send");
        String id = lena.awaitMessage("INBOX", subject).getString("id");

        given().auth().oauth2(lena.token()).contentType("application/json")
                .body("{\"action\": \"REPORT_PHISHING\", \"ids\": [\"" + id + "\"]}").post("/messages/actions")
                .then().statusCode(200);

        lena.awaitMessage("JUNK", subject);
        // the security team (in the test stack: the demo administrator) has it, whole, in an RFC 5965 report
        String security = fr.academie.stack.testing.TestStack.get().accessToken("admin");
        String inbox = given().auth().oauth2(security).get("/folders").then().extract().jsonPath()
                .getString("items.find { it.systemRole == 'INBOX' }.id");
        String report = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(security).get("/folders/{id}/messages", inbox).then().extract().jsonPath()
                        .getString("items.find { it.subject == \"Signalement d'hameçonnage : " + subject + "\" }.id"),
                org.hamcrest.Matchers.notNullValue());
        String source = given().auth().oauth2(security).get("/messages/{id}/source", report).then().extract().asString();
        assertTrue(source.contains("multipart/report") && source.contains("report-type=feedback-report"), source);
        assertTrue(source.contains("Feedback-Type: fraud") && source.contains("Reported-Domain: banque-exemple.fr"), source);
        assertTrue(source.contains("Content-Type: message/rfc822") && source.contains("Cliquez ici pour debloquer."), source);
        given().auth().oauth2(security).get("/messages/{id}", report).then()
                .body("text", containsString(lena.address() + " a signalé ce message comme une tentative d'hameçonnage"));
    }

    @Test
    void aParentsFirstMessageWithALinkToPronoteIsDeliveredAndOnlySaidToBeAFirst() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String parent = "parent." + UUID.randomUUID().toString().substring(0, 8) + "@gmail.com";
        String first = "Absence de Lucas " + UUID.randomUUID();
        Smtplib.send(port, parent, List.of(lena.address()), pronote(parent, lena, first), "send");
        JsonPath view = view(lena, lena.awaitMessage("INBOX", first).getString("id"));
        assertEquals(List.of("premier-message"), view.getList("warnings.code"), view.prettify());
        assertEquals("C'est le premier message que vous recevez de " + parent + ".", view.getString("warnings[0].detail"));

        String second = "Retour de Lucas " + UUID.randomUUID();
        Smtplib.send(port, parent, List.of(lena.address()), pronote(parent, lena, second), "send");
        assertEquals(List.of(), view(lena, lena.awaitMessage("INBOX", second).getString("id")).getList("warnings"));
    }

    @Test
    void aHeadOfSchoolsNameOnAnAddressFromOutsideIsNamedButAParentWhoOnlySharesASurnameIsNot() throws Exception {
        TestMailbox lena = TestMailbox.create();
        // Paul Leroy is the demo head of school (paul.leroy@ac-orleans-tours.fr); this is not his address
        for (String name : List.of("Paul Leroy", "LEROY Paul")) {
            String subject = "Virement urgent " + UUID.randomUUID();
            String sender = "direction." + UUID.randomUUID().toString().substring(0, 8) + "@gmail.com";
            Smtplib.send(port, sender, List.of(lena.address()), "From: " + name + " <" + sender + ">\r\nTo: "
                    + lena.address() + "\r\nSubject: " + subject + "\r\n\r\nPouvez-vous regler cette facture ?\r\n", "send");
            JsonPath view = view(lena, lena.awaitMessage("INBOX", subject).getString("id"));
            assertEquals(List.of("nom-trompeur", "premier-message"), view.getList("warnings.code"), view.prettify());
            assertEquals("Le nom affiché, « " + name + " », est celui d'une personne de l'académie, mais l'adresse "
                    + sender + " est extérieure à l'académie.", view.getString("warnings[0].detail"));
        }

        String subject = "Sortie scolaire " + UUID.randomUUID();
        String parent = "sophie." + UUID.randomUUID().toString().substring(0, 8) + "@gmail.com";
        Smtplib.send(port, parent, List.of(lena.address()), "From: Sophie Leroy <" + parent + ">\r\nTo: "
                + lena.address() + "\r\nSubject: " + subject + "\r\n\r\nBonjour, mon fils sera absent.\r\n", "send");
        assertEquals(List.of("premier-message"),
                view(lena, lena.awaitMessage("INBOX", subject).getString("id")).getList("warnings.code"));
    }

    private static String pronote(String parent, TestMailbox to, String subject) {
        return "From: Parent de Lucas <" + parent + ">\r\nTo: " + to.address() + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Bonjour, voir le cahier de "
                + "textes sur <a href=\"https://0450042k.index-education.net/pronote/\">Pronote</a>.</p>\r\n";
    }

    private static JsonPath view(TestMailbox mailbox, String id) {
        return given().auth().oauth2(mailbox.token()).get("/messages/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
