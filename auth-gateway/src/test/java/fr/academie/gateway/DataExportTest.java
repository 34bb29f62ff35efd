package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.gateway.data.DataRequest;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Zips;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Mes données": a teacher asks for her data and downloads, once, one archive with her mail (byte for byte the
 * folder's mbox export), her career record and who read it, her HR request with its file, her sign-ins, a README —
 * and nothing of a colleague's; a second download, another person's download, an expired link are refused; the
 * administrator lists the request with its deadline; the request and the delivery are in the audit log.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class DataExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @CsvSource({"GET, /api/compte/donnees", "POST, /api/compte/donnees",
            "GET, /api/compte/donnees/00000000-0000-0000-0000-000000000000/archive", "GET, /api/admin/data-requests"})
    void withoutASessionDataRequestsAnswer401(String method, String path) {
        given().header(RequestGuard.CSRF_HEADER, "1").when().request(method, path)
                .then().statusCode(401).body("type", is("urn:portail:unauthenticated"));
    }

    @Test
    void sheDownloadsEverythingOfHersOnceAndNothingOfAColleagues() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        TestStack.Account colleague = TestStack.get().newAccount("personnel", "enseignant");
        Browser her = SignedIn.as(gateway, teacher.username());
        Browser his = SignedIn.as(gateway, colleague.username());
        String inbox = mail(her, "Réunion parents-professeurs");
        mail(his, "Message du collègue");
        long request = hrRequestWithFile(her);
        hrRequestWithFile(his);
        String agent = careerRecordReadByHr(her, teacher.username());
        byte[] inboxExport = her.sendBytes("GET", gateway.resolve("/api/mail/folders/" + inbox + "/export"), Map.of(), null).body();

        HttpResponse<String> asked = her.send("POST", gateway.resolve("/api/compte/donnees"), FROM_THE_SPA, null);
        assertEquals(202, asked.statusCode(), asked.body());
        String id = JSON.readTree(asked.body()).get("id").asText();
        assertEquals(409, her.send("POST", gateway.resolve("/api/compte/donnees"), FROM_THE_SPA, null).statusCode(),
                "one request in preparation at a time");
        JsonNode ready = awaitStatus(her, id, "READY");
        assertTrue(ready.get("sizeBytes").asLong() > inboxExport.length);

        assertEquals(404, his.sendBytes("GET", archive(id), Map.of(), null).statusCode(), "for her only");
        HttpResponse<byte[]> download = her.sendBytes("GET", archive(id), Map.of(), null);
        assertEquals(200, download.statusCode());
        Map<String, byte[]> files = Zips.files(download.body());

        assertTrue(text(files, "LISEZMOI.txt").contains(teacher.username()) && text(files, "LISEZMOI.txt")
                .contains("droit d'accès"));
        assertArrayEquals(inboxExport, files.get("messagerie/dossiers/Boîte de réception.mbox"), "her inbox, byte for byte");
        assertTrue(text(files, "compte/connexions.json").contains("\"success\" : true"));
        assertTrue(text(files, "compte/identite.json").contains(teacher.email()));
        assertTrue(text(files, "carriere/dossier.json").contains(agent));
        assertTrue(text(files, "carriere/journal-des-acces.json").contains("Claire Durand"), "who read her record");
        JsonNode requests = JSON.readTree(files.get("demarches/demandes.json"));
        assertEquals(1, requests.size());
        assertEquals(request, requests.get(0).get("number").asLong());
        assertFalse(requests.get(0).get("history").isEmpty(), "with its history");
        assertArrayEquals(PDF, files.entrySet().stream().filter(f -> f.getKey().startsWith("demarches/pieces/" + request + "/"))
                .findFirst().orElseThrow().getValue(), "the file as she gave it");
        String all = Zips.allText(files);
        assertFalse(all.contains(colleague.username()) || all.contains("Message du collègue"), "nothing of his");

        HttpResponse<byte[]> again = her.sendBytes("GET", archive(id), Map.of(), null);
        assertEquals(410, again.statusCode(), "the link works once");
        assertTrue(new String(again.body(), StandardCharsets.UTF_8).contains("urn:portail:gateway:data-archive-used"));
        assertEquals("DOWNLOADED", status(her, id).get("status").asText());
        awaitMessage(her, inbox, "Vos données sont prêtes");

        Browser admin = SignedIn.as(gateway, "admin");
        JsonNode listed = find(JSON.readTree(admin.get(gateway.resolve("/api/admin/data-requests?limit=200")).body())
                .get("items"), id);
        assertEquals(teacher.username(), listed.get("identifier").asText());
        assertEquals(LocalDate.now(ZoneId.of("Europe/Paris")).plusMonths(1).toString(), listed.get("deadline").asText(),
                "answered within the month the GDPR gives");
        String audit = admin.get(gateway.resolve("/api/admin/audit?target=" + teacher.username())).body();
        assertTrue(audit.contains("DATA_REQUESTED") && audit.contains("DATA_DELIVERED"), audit);
        assertEquals(403, her.get(gateway.resolve("/api/admin/data-requests")).statusCode(), "administrators only");
    }

    @Test
    void anExpiredArchiveIsRefusedAndItsBytesAreGone() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel");
        Browser her = SignedIn.as(gateway, teacher.username());
        String id = JSON.readTree(her.send("POST", gateway.resolve("/api/compte/donnees"), FROM_THE_SPA, null).body())
                .get("id").asText();
        awaitStatus(her, id, "READY");
        QuarkusTransaction.requiringNew().run(() -> DataRequest.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), UUID.fromString(id)));

        HttpResponse<byte[]> late = her.sendBytes("GET", archive(id), Map.of(), null);

        assertEquals(410, late.statusCode());
        assertTrue(new String(late.body(), StandardCharsets.UTF_8).contains("urn:portail:gateway:data-archive-expired"));
        assertEquals("EXPIRED", status(her, id).get("status").asText());
        assertEquals(404, her.sendBytes("GET", archive(UUID.randomUUID().toString()), Map.of(), null).statusCode());
    }

    private URI archive(String id) {
        return gateway.resolve("/api/compte/donnees/" + id + "/archive");
    }

    /** Imports a message into her inbox; the inbox's id. */
    private String mail(Browser browser, String subject) throws IOException {
        String inbox = null;
        for (JsonNode folder : JSON.readTree(browser.get(gateway.resolve("/api/mail/folders")).body()).get("items")) {
            if ("INBOX".equals(folder.get("systemRole").asText())) {
                inbox = folder.get("id").asText();
            }
        }
        String message = "From: parent@exemple.com\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@exemple.com>\r\n\r\nBonjour.\r\n";
        HttpResponse<byte[]> imported = browser.sendBytes("POST", gateway.resolve("/api/mail/folders/" + inbox + "/import"),
                Map.of(RequestGuard.CSRF_HEADER, "1", "Content-Type", "message/rfc822"),
                message.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, imported.statusCode(), new String(imported.body(), StandardCharsets.UTF_8));
        return inbox;
    }

    /** A draft request for a side job with its required document; its number. */
    private long hrRequestWithFile(Browser browser) throws IOException {
        HttpResponse<String> created = browser.send("POST", gateway.resolve("/api/colibris/requests"),
                Map.of(RequestGuard.CSRF_HEADER, "1", "Content-Type", "application/json"), "{\"type\":\"cumul-activites\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode request = JSON.readTree(created.body());
        HttpResponse<byte[]> uploaded = browser.sendBytes("POST", gateway.resolve("/api/colibris/requests/"
                        + request.get("id").asText() + "/attachments?piece=description-activite&name=activite.pdf"),
                Map.of(RequestGuard.CSRF_HEADER, "1", "Content-Type", "application/pdf"), PDF);
        assertEquals(201, uploaded.statusCode(), new String(uploaded.body(), StandardCharsets.UTF_8));
        return request.get("number").asLong();
    }

    /** HR imports her career record, she opens it (linked to her account), HR reads it; the record's id. */
    private String careerRecordReadByHr(Browser her, String identifier) throws IOException {
        Browser hr = SignedIn.as(gateway, "cdurand");
        String csv = "identifiant;nom;prenom;corps;grade;echelon;date_echelon\n" + identifier
                + ";Essai;Camille;Professeur certifié;Classe normale;6;01/09/2024\n";
        HttpResponse<String> imported = hr.send("POST", gateway.resolve("/api/iprof/imports/agents"),
                Map.of(RequestGuard.CSRF_HEADER, "1", "Content-Type", "text/csv"), csv);
        assertEquals(200, imported.statusCode(), imported.body());
        HttpResponse<String> mine = her.get(gateway.resolve("/api/iprof/agents/me"));
        assertEquals(200, mine.statusCode(), mine.body());
        String agent = JSON.readTree(mine.body()).get("id").asText();
        assertEquals(200, hr.get(gateway.resolve("/api/iprof/agents/" + agent)).statusCode());
        return agent;
    }

    private JsonNode awaitStatus(Browser browser, String id, String wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode request = status(browser, id);
        while (!wanted.equals(request.get("status").asText()) && Instant.now().isBefore(deadline)) {
            assertFalse("FAILED".equals(request.get("status").asText()), request.toString());
            Thread.sleep(500);
            request = status(browser, id);
        }
        assertEquals(wanted, request.get("status").asText(), request.toString());
        return request;
    }

    private JsonNode status(Browser browser, String id) throws IOException {
        return find(JSON.readTree(browser.get(gateway.resolve("/api/compte/donnees")).body()).get("items"), id);
    }

    private void awaitMessage(Browser browser, String folder, String subject) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!browser.get(gateway.resolve("/api/mail/folders/" + folder + "/messages")).body().contains(subject)) {
            assertTrue(Instant.now().isBefore(deadline), "told in her mailbox: " + subject);
            Thread.sleep(500);
        }
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (id.equals(item.get("id").asText())) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + items);
    }

    private static String text(Map<String, byte[]> files, String name) {
        assertTrue(files.containsKey(name), name + " in " + files.keySet());
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
