package fr.academie.mail.draft;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attachments of a draft: streamed in, typed by their content, counted against the quota, sent with the message;
 * programs refused by name, by content and inside archives; the per-message limit (2 MB in tests) explained.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class DraftAttachmentTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPdfIsAttachedCountedAgainstTheQuotaAndSentWithTheMessage() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String subject = "Bulletin " + UUID.randomUUID();
        String draft = lena.draft(Map.of("to", List.of(samir.asRecipient()), "subject", subject));
        long before = used(lena);
        String id = upload(lena, draft, "Bulletin trimestriel é.pdf", PDF).then().statusCode(201)
                .body("contentType", is("application/pdf")).body("size", is(PDF.length)).extract().path("id");
        assertEquals(before + PDF.length, used(lena));
        byte[] back = given().auth().oauth2(lena.token()).get("/drafts/{d}/attachments/{a}", draft, id).then()
                .statusCode(200).header("Content-Disposition", containsString("filename*=UTF-8''Bulletin%20trimestriel%20%C3%A9.pdf"))
                .extract().asByteArray();
        assertArrayEquals(PDF, back);
        given().auth().oauth2(samir.token()).get("/drafts/{d}/attachments/{a}", draft, id).then().statusCode(404);

        lena.send(draft, null);
        JsonPath received = samir.awaitMessage("INBOX", subject);
        JsonPath read = given().auth().oauth2(samir.token()).get("/messages/{id}", received.getString("id")).then()
                .extract().jsonPath();
        assertEquals("Bulletin trimestriel é.pdf", read.getString("attachments[0].fileName"));
        byte[] delivered = given().auth().oauth2(samir.token())
                .get("/messages/{m}/attachments/{a}", received.getString("id"), read.getString("attachments[0].id"))
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(PDF, delivered);
    }

    @Test
    void programsAreRefusedByNameByContentAndInsideArchives() throws IOException {
        TestMailbox lena = TestMailbox.create();
        String draft = lena.draft(Map.of("subject", "pièces"));
        upload(lena, draft, "setup.EXE", PDF).then().statusCode(422).contentType("application/problem+json")
                .body("field", is("file")).body("detail", containsString("programmes et les scripts"));
        upload(lena, draft, "facture.pdf.js", PDF).then().statusCode(422);
        upload(lena, draft, "rapport.vbs.", PDF).then().statusCode(422);
        byte[] executable = Arrays.copyOf("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1), 512);
        upload(lena, draft, "photo.jpg", executable).then().statusCode(422)
                .body("detail", containsString("en réalité un programme"));
        upload(lena, draft, "script.txt", "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.US_ASCII)).then().statusCode(422);
        upload(lena, draft, "devoirs.zip", zip("devoirs/lancer.js", "alert(1)")).then().statusCode(422)
                .body("detail", containsString("lancer.js"));
        upload(lena, draft, "photos.zip", zip("photos/classe.txt", "ok")).then().statusCode(201)
                .body("contentType", is("application/zip"));
        given().auth().oauth2(lena.token()).get("/drafts/{id}", draft).then().body("attachments.size()", is(1));
    }

    @Test
    void theMessageLimitIsExplainedAndNothingIsKept() {
        TestMailbox lena = TestMailbox.create();
        String draft = lena.draft(Map.of("subject", "gros"));
        upload(lena, draft, "un.pdf", new byte[1_500_000]).then().statusCode(201);
        long used = used(lena);
        upload(lena, draft, "deux.pdf", new byte[1_000_000]).then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("2 Mo au total"));
        assertEquals(used, used(lena));
        given().auth().oauth2(lena.token()).get("/drafts/{id}", draft).then().body("attachments.size()", is(1));
        upload(lena, draft, "", PDF).then().statusCode(400).body("field", is("name"));
    }

    @Test
    void removingAnAttachmentOrTheDraftGivesItsBytesBack() {
        TestMailbox lena = TestMailbox.create();
        long before = used(lena);
        String draft = lena.draft(Map.of("subject", "temporaire"));
        String one = upload(lena, draft, "a.pdf", PDF).then().statusCode(201).extract().path("id");
        upload(lena, draft, "b.pdf", PDF).then().statusCode(201);
        given().auth().oauth2(lena.token()).delete("/drafts/{d}/attachments/{a}", draft, one).then().statusCode(204);
        assertEquals(before + PDF.length, used(lena));
        given().auth().oauth2(lena.token()).delete("/drafts/{id}", draft).then().statusCode(204);
        assertEquals(before, used(lena));
    }

    @Test
    void anotherPersonCannotAttachToMyDraft() {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        String draft = lena.draft(Map.of("subject", "à moi"));
        upload(samir, draft, "x.pdf", PDF).then().statusCode(404);
        given().contentType("application/pdf").body(PDF).post("/drafts/{id}/attachments?name=x.pdf", draft).then()
                .statusCode(401);
    }

    private static io.restassured.response.Response upload(TestMailbox mailbox, String draft, String name, byte[] content) {
        return given().auth().oauth2(mailbox.token()).contentType("application/octet-stream").body(content)
                .queryParam("name", name).post("/drafts/{id}/attachments", draft);
    }

    private static long used(TestMailbox mailbox) {
        return given().auth().oauth2(mailbox.token()).get("/mailbox").then().statusCode(200).extract().jsonPath()
                .getLong("used");
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
