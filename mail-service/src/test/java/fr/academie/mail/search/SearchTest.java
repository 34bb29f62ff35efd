package fr.academie.mail.search;

import fr.academie.mail.TestMailbox;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** One search box over every folder: French full text (stemmed, accents ignored) and operators, one person's mail only. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class SearchTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    private String token;
    private TestMailbox mailbox;

    @BeforeEach
    void aMailboxWithSomeOfTheCorpus() throws IOException {
        mailbox = TestMailbox.create();
        token = mailbox.token();
        for (String name : List.of("01-plain-ascii.eml", "02-utf8-qp.eml", "03-latin1-8bit.eml", "06-mixed-pdf.eml",
                "07-rfc2231-name.eml", "12-reply.eml", "17-raw-utf8-headers.eml", "29-priority.eml", "32-html-only.eml")) {
            importInto(mailbox.folder("INBOX"), Files.readAllBytes(CORPUS.resolve(name)));
        }
        importInto(mailbox.folder("ARCHIVE"), Files.readAllBytes(CORPUS.resolve("05-alternative.eml")));
    }

    @Test
    void accentsAreIgnoredAndWordsAreStemmed() {
        assertSubjects("reunion", "Réunion équipe éducative");
        assertSubjects("réunions", "Réunion équipe éducative");
        assertSubjects("CLOTURE", "Clôture de l'exercice");
        assertSubjects("geographie risques", "Journée de formation « risques »");
    }

    @Test
    void theBodyRecipientsAndAttachmentNamesAreSearchedToo() {
        assertSubjects("pièces", "Clôture de l'exercice", "Budget"); // "Voir pièce jointe." too: the same stem
        assertSubjects("previsionnel", "Budget");
        assertSubjects("vie.scolaire@ac-orleans-tours.fr", "Re: Ordre du jour");
        assertSubjects("Léna", "Offre", "Conseil pedagogique jeudi", "Re: Ordre du jour"); // an HTML-only body, a recipient, a sender
    }

    @Test
    void everyFolderIsSearchedOrOneOnly() {
        assertSubjects("voyage", "Ordre du jour", "Re: Ordre du jour");
        given().auth().oauth2(token).queryParam("q", "voyage").queryParam("folderId", mailbox.folder("ARCHIVE")).get("/search")
                .then().statusCode(200).body("items.message.subject", contains("Ordre du jour"));
        assertSubjects("voyage in:archives", "Ordre du jour");
        assertSubjects("voyage in:inbox", "Re: Ordre du jour");
    }

    @Test
    void operatorsNarrowTheResults() {
        assertSubjects("from:paul.leroy", "Conseil pedagogique jeudi", "Ordre du jour");
        assertSubjects("to:\"Paul Leroy\"", "Re: Ordre du jour");
        assertSubjects("subject:formation", "Journée de formation « risques »");
        assertSubjects("has:attachment", "Circulaire temps partiel", "Budget");
        assertSubjects("is:flagged");
        assertSubjects("larger:100000000");
        assertSubjects("before:2026-11-24", "Conseil pedagogique jeudi");
        assertSubjects("after:2026-11-30 urgent", "URGENT : alerte meteo");
    }

    @Test
    void labelsAndStatesCanBeSearched() {
        String label = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Budget 2027", "color", "#000000"))
                .post("/labels").then().statusCode(201).extract().path("id");
        String budget = given().auth().oauth2(token).queryParam("q", "previsionnel").get("/search").then()
                .extract().path("items[0].message.id");
        Map<String, Object> body = new HashMap<>();
        body.put("action", "LABEL");
        body.put("ids", List.of(budget));
        body.put("labelId", label);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/messages/actions").then().statusCode(200);
        body.put("action", "FLAG");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/messages/actions").then().statusCode(200);
        assertSubjects("label:\"budget 2027\"", "Budget");
        assertSubjects("is:flagged", "Budget");
        assertSubjects("is:unread");
    }

    @Test
    void resultsAreRankedThenDatedAndTheMatchIsMarked() {
        given().auth().oauth2(token).queryParam("q", "ordre du jour").get("/search").then().statusCode(200)
                .body("items.message.subject", contains("Re: Ordre du jour", "Ordre du jour"))
                .body("items[0].headline", containsString("<mark>"));
        given().auth().oauth2(token).queryParam("q", "offre").get("/search").then().statusCode(200)
                .body("items[0].headline", containsString("<mark>Offre</mark>"))
                .body("items[0].headline", org.hamcrest.Matchers.not(containsString("<script")));
    }

    @Test
    void resultsComeByPages() {
        String next = given().auth().oauth2(token).queryParam("q", "has:attachment").queryParam("limit", 1).get("/search")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("q", "has:attachment").queryParam("limit", 1).queryParam("cursor", next)
                .get("/search").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)).body("nextCursor", nullValue());
    }

    @Test
    void theNewestMatchesAreRankedAndOlderOnesFollowByDate() {
        // %test.mail.search.ranked=3: of five matches, the three newest by relevance, then the two others by date;
        // the oldest say "rhododendron" most often, so ranking every match would put them first
        String folder = mailbox.folder("ARCHIVE");
        for (int day = 1; day <= 5; day++) {
            importInto(folder, ("From: ien@ac-orleans-tours.fr\r\nSubject: Visite " + day + "\r\nDate: 0" + day
                    + " Nov 2026 08:00:00 +0100\r\nMessage-ID: <visite-" + day + "-" + UUID.randomUUID() + "@ac-orleans-tours.fr>\r\n\r\n"
                    + "rhododendron calendrier ".repeat(6 - day)).getBytes(StandardCharsets.UTF_8));
        }
        List<String> subjects = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(token).queryParam("q", "rhododendron").queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/search").then().statusCode(200).extract();
            subjects.addAll(page.path("items.message.subject"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of("Visite 3", "Visite 4", "Visite 5", "Visite 2", "Visite 1"), subjects);
    }

    @Test
    void anotherPersonsMessagesNeverAppear() {
        String lena = TestStack.get().accessToken("lmartin");
        given().auth().oauth2(lena).queryParam("q", "previsionnel").get("/search").then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(lena).queryParam("q", "voyage").queryParam("folderId", mailbox.folder("ARCHIVE")).get("/search")
                .then().statusCode(404).body("type", is("urn:portail:mail:folder-not-found"));
    }

    @Test
    void badQueriesAreRefusedNamingTheField() {
        given().auth().oauth2(token).get("/search").then().statusCode(400).contentType("application/problem+json")
                .body("field", is("q"));
        given().auth().oauth2(token).queryParam("q", "before:hier").get("/search").then().statusCode(400)
                .body("field", is("q")).body("detail", containsString("AAAA-MM-JJ"));
        given().auth().oauth2(token).queryParam("q", "x").queryParam("cursor", "nope").get("/search").then().statusCode(400)
                .body("field", is("cursor"));
        given().queryParam("q", "x").get("/search").then().statusCode(401);
        given().auth().oauth2(TestStack.get().accessToken("pronote", "lmartin")).queryParam("q", "x").get("/search")
                .then().statusCode(401);
    }

    private void assertSubjects(String q, String... subjects) {
        given().auth().oauth2(token).queryParam("q", q).get("/search").then().statusCode(200)
                .body("items.message.subject", subjects.length == 0 ? empty() : containsInAnyOrder(subjects));
    }


    private void importInto(String folder, byte[] message) {
        given().auth().oauth2(token).contentType("message/rfc822").body(message).post("/folders/{id}/import", folder)
                .then().statusCode(201);
    }
}
