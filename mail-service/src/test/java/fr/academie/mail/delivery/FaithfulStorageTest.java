package fr.academie.mail.delivery;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message of the corpus goes in through the delivery pipeline (an .eml import) and comes back out
 * (the .eml export) byte for byte, however broken it is; the mailbox's used bytes are their exact sum.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaithfulStorageTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    private String token;
    private UUID inbox;

    @BeforeEach
    void aNewPerson() {
        if (token != null) {
            return; // one person for the class (RestAssured knows the port only from the first test on)
        }
        TestStack.Account account = TestStack.get().newAccount("personnel");
        token = TestStack.get().accessToken(account.username());
        inbox = UUID.fromString(given().auth().oauth2(token).get("/folders").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id"));
    }

    @Test
    void theCorpusRoundTripsByteForByteAndCountsExactlyAgainstTheQuota() throws IOException {
        List<Path> files;
        try (var list = Files.list(CORPUS)) {
            files = list.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "a corpus of at least 30 messages");
        String token = TestStack.get().accessToken(TestStack.get().newAccount("personnel").username()); // an empty mailbox
        UUID inbox = UUID.fromString(given().auth().oauth2(token).get("/folders").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id"));
        long total = 0;
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            String id = importEml(token, inbox, original).then().statusCode(201)
                    .body("duplicate", is(false)).extract().path("messageId");
            byte[] exported = given().auth().oauth2(token).get("/messages/{id}/source", id)
                    .then().statusCode(200).contentType("message/rfc822")
                    .header("Content-Disposition", containsString("attachment; filename="))
                    .extract().asByteArray();
            assertArrayEquals(original, exported, file + " comes back as it went in");
            given().auth().oauth2(token).get("/messages/{id}", id).then().statusCode(200);
            total += original.length;
        }
        assertEquals(total, usedBytes(token), "used bytes are the sum of the messages' sizes");
    }

    @Test
    void theReadingPaneShowsWhatTheMessageSays() throws IOException {
        String id = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("08-rfc2231-continuation.eml")))
                .then().extract().path("messageId");
        given().auth().oauth2(token).get("/messages/{id}", id).then().statusCode(200)
                .body("subject", is("Fiscalite"))
                .body("from.address", is("rectorat@ac-orleans-tours.fr"))
                .body("to[0].address", is("samir.benali@ac-orleans-tours.fr"))
                .body("sentAt", is("2026-11-27T08:30:00Z"))
                .body("unread", is(false))
                .body("attachments", hasSize(1))
                .body("attachments[0].fileName", is("déclaration fiscale 2026 – lycée.pdf"))
                .body("attachments[0].contentType", is("application/pdf"))
                .body("attachments[0].size", is(69));
        given().auth().oauth2(token).get("/folders/{id}/messages", inbox).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.hasAttachments", is(true))
                .body("items.find { it.id == '" + id + "' }.snippet", is("Documents fiscaux."));
    }

    @Test
    void attachmentsAreStreamedDecodedWithSafeHeaders() throws IOException {
        String pdfMessage = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("06-mixed-pdf.eml"))).then()
                .extract().path("messageId");
        String pdf = given().auth().oauth2(token).get("/messages/{id}", pdfMessage).then().extract().path("attachments[0].id");
        byte[] bytes = given().auth().oauth2(token).get("/messages/{id}/attachments/{a}", pdfMessage, pdf).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", is("attachment; filename=\"circulaire.pdf\"; filename*=UTF-8''circulaire.pdf"))
                .header("X-Content-Type-Options", is("nosniff"))
                .extract().asByteArray();
        assertEquals("%PDF-1.4", new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(69, bytes.length);
        given().auth().oauth2(token).queryParam("inline", true).get("/messages/{id}/attachments/{a}", pdfMessage, pdf)
                .then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.startsWith("inline; "));

        String exeMessage = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("33-hostile-name.eml"))).then()
                .extract().path("messageId");
        String exe = given().auth().oauth2(token).get("/messages/{id}", exeMessage).then()
                .body("attachments[0].blocked", is(true)).extract().path("attachments[0].id");
        // a program is never served, inline or not: the person is told why
        given().auth().oauth2(token).queryParam("inline", true).get("/messages/{id}/attachments/{a}", exeMessage, exe)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:portail:mail:attachment-blocked")).body("detail", containsString("est un programme"));

        String lena = TestStack.get().accessToken("lmartin");
        given().auth().oauth2(lena).get("/messages/{id}/attachments/{a}", pdfMessage, pdf).then().statusCode(404)
                .body("type", is("urn:portail:mail:attachment-not-found"));
        given().auth().oauth2(token).get("/messages/{id}/attachments/{a}", exeMessage, pdf).then().statusCode(404);
        given().get("/messages/{id}/attachments/{a}", pdfMessage, pdf).then().statusCode(401);
    }

    @Test
    void theHtmlBodyIsSanitisedAndRemoteImagesWaitForThePerson() throws IOException {
        String promo = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("32-html-only.eml"))).then()
                .extract().path("messageId");
        given().auth().oauth2(token).get("/messages/{id}", promo).then().statusCode(200)
                .body("html", is("<p>Bonjour <b>Léna</b></p><img data-blocked=\"\">\r\n"))
                .body("remoteImagesBlocked", is(true));
        given().auth().oauth2(token).queryParam("images", "show").get("/messages/{id}", promo).then().statusCode(200)
                .body("html", is("<p>Bonjour <b>Léna</b></p><img src=\"https://tracker.example.com/p.gif\">\r\n"))
                .body("remoteImagesBlocked", is(false));

        String letter = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("23-related-inline-image.eml"))).then()
                .extract().path("messageId");
        String logo = given().auth().oauth2(token).get("/messages/{id}", letter).then().extract().path("attachments[0].id");
        given().auth().oauth2(token).get("/messages/{id}", letter).then()
                .body("html", containsString("<img src=\"/api/mail/messages/" + letter + "/attachments/" + logo + "?inline=true\">"))
                .body("attachments[0].inline", is(true));
        given().auth().oauth2(token).queryParam("inline", true).get("/messages/{id}/attachments/{a}", letter, logo)
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void theSameMessageImportedTwiceIsKeptOnce() throws IOException {
        byte[] message = Files.readAllBytes(CORPUS.resolve("29-priority.eml"));
        String first = importEml(token, inbox, message).then().extract().path("messageId");
        long used = usedBytes(token);
        importEml(token, inbox, message).then().statusCode(200)
                .body("duplicate", is(true))
                .body("messageId", is(first));
        assertEquals(used, usedBytes(token));
    }

    @Test
    void anExportIsNamedAfterTheSubject() throws IOException {
        String id = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("02-utf8-qp.eml"))).then().extract().path("messageId");
        given().auth().oauth2(token).get("/messages/{id}/source", id).then().statusCode(200)
                .header("Content-Disposition", is("attachment; filename=\"Journee de formation _ risques _.eml\"; "
                        + "filename*=UTF-8''Journ%C3%A9e%20de%20formation%20%C2%AB%20risques%20%C2%BB.eml"));
    }

    @Test
    void everyMessageGoesThroughTheDeliverySteps() {
        String message = "From: x@example.org\r\nSubject: [filtre-test] rangé par une étape\r\nMessage-ID: <step-"
                + UUID.randomUUID() + "@example.org>\r\n\r\nCorps.\r\n";
        String id = importEml(token, inbox, message.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(201).extract().path("messageId");
        String archive = given().auth().oauth2(token).get("/folders").then().extract().jsonPath()
                .getString("items.find { it.systemRole == 'ARCHIVE' }.id");
        given().auth().oauth2(token).get("/messages/{id}", id).then().statusCode(200)
                .body("folderId", is(archive))
                .body("flagged", is(true))
                .body("unread", is(false));
    }

    @Test
    void anEmptyFileIsRefusedNamingIt() {
        importEml(token, inbox, new byte[0]).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", is("message"))
                .body("detail", containsString(".eml"));
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndNothingIsKept() {
        long used = usedBytes(token);
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        importEml(token, inbox, big).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:mail:message-too-large"))
                .body("detail", containsString("3 Mo"));
        assertEquals(used, usedBytes(token));
    }

    @Test
    void anotherPersonsFolderAndMessagesAreNotFound() throws IOException {
        String lena = TestStack.get().accessToken("lmartin");
        byte[] message = Files.readAllBytes(CORPUS.resolve("01-plain-ascii.eml"));
        importEml(lena, inbox, message).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:portail:mail:folder-not-found"));
        String mine = importEml(token, inbox, Files.readAllBytes(CORPUS.resolve("11-forward-inline.eml")))
                .then().extract().path("messageId");
        given().auth().oauth2(lena).get("/messages/{id}/source", mine).then().statusCode(404)
                .body("type", is("urn:portail:mail:message-not-found"));
        given().auth().oauth2(lena).get("/messages/{id}", mine).then().statusCode(404);
    }

    @Test
    void withoutTokenOrWithAnotherAudienceNothingIsImportedOrExported() {
        given().contentType("message/rfc822").body("Subject: x\r\n\r\nx".getBytes())
                .post("/folders/{id}/import", inbox).then().statusCode(401);
        given().get("/messages/{id}/source", UUID.randomUUID()).then().statusCode(401);
        String pronote = TestStack.get().accessToken("pronote", "lmartin");
        given().auth().oauth2(pronote).contentType("message/rfc822").body("Subject: x\r\n\r\nx".getBytes())
                .post("/folders/{id}/import", inbox).then().statusCode(401);
        given().auth().oauth2(pronote).get("/messages/{id}/source", UUID.randomUUID()).then().statusCode(401);
    }

    private static Response importEml(String token, UUID folder, byte[] message) {
        return given().auth().oauth2(token).contentType("message/rfc822").body(message)
                .post("/folders/{id}/import", folder);
    }

    private static long usedBytes(String token) {
        return given().auth().oauth2(token).get("/mailbox").then().statusCode(200)
                .extract().jsonPath().getLong("used");
    }
}
