package fr.academie.mail.transfer;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder out as mbox and back in: byte for byte, "From " lines quoted and unquoted, duplicates reported. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class MboxTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final String FROM_LINES = "From: Samir Benali <samir.benali@ac-orleans-tours.fr>\r\n"
            + "Subject: Lignes piegees\r\nMessage-ID: <from-lines@exemple.fr>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\n"
            + "From here on, a line that mbox readers would take for a new message.\r\n"
            + ">From a line already quoted once.\r\n\r\nFrom the end.\r\n";

    @Test
    void theCorpusGoesOutAsMboxAndComesBackByteForByte() throws IOException {
        TestMailbox person = TestMailbox.create();
        String archive = person.folder("ARCHIVE");
        Map<String, byte[]> originals = new HashMap<>();
        for (Path file : corpus()) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes[bytes.length - 1] == '\n') { // mbox ends every message with a newline
                originals.put(file.getFileName().toString(), bytes);
                given().auth().oauth2(person.token()).contentType("message/rfc822").body(bytes)
                        .post("/folders/{id}/import", archive).then().statusCode(201);
            }
        }
        originals.put("from-lines", FROM_LINES.getBytes(StandardCharsets.US_ASCII));
        given().auth().oauth2(person.token()).contentType("message/rfc822").body(originals.get("from-lines"))
                .post("/folders/{id}/import", archive).then().statusCode(201);

        byte[] mbox = given().auth().oauth2(person.token()).get("/folders/{id}/export", archive).then().statusCode(200)
                .contentType("application/mbox").header("Content-Disposition", containsString("Archives.mbox"))
                .extract().asByteArray();
        String text = new String(mbox, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\n>From here on") && text.contains("\n>>From a line already quoted"));

        TestMailbox other = TestMailbox.create();
        JsonPath report = given().auth().oauth2(other.token()).contentType("application/mbox").body(mbox)
                .post("/folders/{id}/import", other.folder("ARCHIVE")).then().statusCode(200).extract().jsonPath();
        assertEquals(originals.size(), report.getInt("imported"));
        assertEquals(List.of(), report.getList("failures"));

        List<byte[]> imported = sources(other, other.folder("ARCHIVE"));
        assertEquals(originals.size(), imported.size());
        for (byte[] original : originals.values()) {
            assertTrue(imported.stream().anyMatch(bytes -> java.util.Arrays.equals(bytes, original)),
                    "a message came back changed: " + new String(original, StandardCharsets.ISO_8859_1).lines().limit(4).toList());
        }
        byte[] fromLines = imported.stream().filter(b -> new String(b, StandardCharsets.US_ASCII).contains("Lignes piegees"))
                .findFirst().orElseThrow();
        assertArrayEquals(originals.get("from-lines"), fromLines);

        // the same file again: every message is reported as already there (by its bytes), nothing is stored twice
        JsonPath again = given().auth().oauth2(other.token()).contentType("application/mbox").body(mbox)
                .post("/folders/{id}/import", other.folder("ARCHIVE")).then().statusCode(200).extract().jsonPath();
        assertEquals(originals.size(), again.getList("duplicates").size());
        assertEquals(0, again.getInt("imported"));
        assertEquals(originals.size(), sources(other, other.folder("ARCHIVE")).size());
    }

    @Test
    void distinctMessagesThatShareAMessageIdAreAllImported() {
        TestMailbox person = TestMailbox.create();
        String mbox = "From parent@example.org Mon Sep  1 08:00:00 2025\n"
                + "Message-ID: <reutilise@example.org>\nSubject: Sortie au musee\n\nPremier message.\n\n"
                + "From parent@example.org Mon Sep  1 09:00:00 2025\n"
                + "Message-ID: <reutilise@example.org>\nSubject: Sortie au musee\n\nSecond message.\n\n";
        JsonPath report = given().auth().oauth2(person.token()).contentType("application/mbox")
                .body(mbox.getBytes(StandardCharsets.US_ASCII))
                .post("/folders/{id}/import", person.folder("ARCHIVE")).then().statusCode(200).extract().jsonPath();
        assertEquals(2, report.getInt("imported"));
        assertEquals(List.of(), report.getList("duplicates"));
        List<String> bodies = sources(person, person.folder("ARCHIVE")).stream()
                .map(bytes -> new String(bytes, StandardCharsets.US_ASCII)).toList();
        assertTrue(bodies.stream().anyMatch(body -> body.contains("Premier message.")), bodies.toString());
        assertTrue(bodies.stream().anyMatch(body -> body.contains("Second message.")), bodies.toString());
    }

    @Test
    void aFileThatIsNotAnMboxIsRefusedAndFoldersAreTheirOwnersOnly() {
        TestMailbox person = TestMailbox.create();
        TestMailbox other = TestMailbox.create();
        given().auth().oauth2(person.token()).contentType("application/mbox").body("Bonjour\n".getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", person.folder("INBOX")).then().statusCode(400)
                .contentType("application/problem+json").body("field", is("file")).body("detail", containsString("mbox"));
        given().auth().oauth2(other.token()).get("/folders/{id}/export", person.folder("INBOX")).then().statusCode(404);
        given().auth().oauth2(other.token()).contentType("application/mbox").body("From x\n\n".getBytes(StandardCharsets.UTF_8))
                .post("/folders/{id}/import", person.folder("INBOX")).then().statusCode(404);
        given().get("/folders/{id}/export", person.folder("INBOX")).then().statusCode(401);
    }

    private static List<byte[]> sources(TestMailbox mailbox, String folder) {
        List<String> ids = given().auth().oauth2(mailbox.token()).queryParam("limit", 200)
                .get("/folders/{id}/messages", folder).then().statusCode(200).extract().jsonPath().getList("items.id");
        return ids.stream().map(id -> given().auth().oauth2(mailbox.token()).get("/messages/{id}/source", id).then()
                .statusCode(200).extract().asByteArray()).toList();
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }
}
