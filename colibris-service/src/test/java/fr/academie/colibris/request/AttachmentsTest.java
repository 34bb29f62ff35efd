package fr.academie.colibris.request;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Files on a request, with real tokens: the supporting document a type requires is checked (type, real content, size)
 * and required at submission; the deciders download it; the files of the exchanges follow their message — a private
 * note's never reach the person.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class AttachmentsTest {

    private static final Map<String, Object> SIDE_JOB = Map.of("activite", "Cours du soir d'histoire de l'art",
            "employeur", "Université populaire", "heuresParMois", 6, "remuneree", true, "dateDebut", "2027-01-11");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Test
    void theRequiredDocumentIsCheckedRequiredAndSeenByTheDeciders() {
        TestStack stack = TestStack.get();
        String school = "A" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        String teacher = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "enseignant").username());
        String head = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement").username());
        String colleague = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "enseignant").username());
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("type", "cumul-activites", "form", SIDE_JOB))
                .post("/requests").then().statusCode(201)
                .body("pieces[0].code", is("description-activite")).body("pieces[0].required", is(true))
                .body("pieces[0].file", nullValue()).extract().path("id");

        submit(teacher, id, 0).statusCode(422).contentType("application/problem+json")
                .body("field", is("attachments.description-activite"))
                .body("detail", containsString("Joignez « Description de l'activité"));

        upload(teacher, id, "description-activite", "notes.txt", "text/plain", "bonjour".getBytes()).statusCode(415)
                .contentType("application/problem+json").body("field", is("file")).body("detail", containsString("PDF, JPEG, PNG"));
        upload(teacher, id, "description-activite", "faux.pdf", "application/pdf", "MZ\u0090\u0000 exe".getBytes()).statusCode(415);
        upload(teacher, id, "description-activite", "vide.pdf", "application/pdf", new byte[0]).statusCode(400)
                .body("field", is("file"));
        byte[] big = Arrays.copyOf(PDF, 6 * 1024 * 1024);
        upload(teacher, id, "description-activite", "gros.pdf", "application/pdf", big).statusCode(413)
                .body("detail", containsString("5 Mo au plus (ce fichier fait 6 Mo)"));
        upload(teacher, id, "diplome", "d.pdf", "application/pdf", PDF).statusCode(400).body("field", is("piece"));
        upload(colleague, id, "description-activite", "a.pdf", "application/pdf", PDF).statusCode(404);

        upload(teacher, id, "description-activite", "premier.pdf", "application/pdf", PDF).statusCode(201);
        String file = upload(teacher, id, "description-activite", "C:\\fakepath\\activité.pdf", "application/pdf", PDF)
                .statusCode(201).body("fileName", is("activité.pdf")).body("size", is(PDF.length)).extract().path("id");
        given().auth().oauth2(teacher).get("/requests/{id}", id).then().statusCode(200)
                .body("pieces[0].file.id", is(file)); // the second replaced the first
        submit(teacher, id, 0).statusCode(200).body("status", is("IN_REVIEW"));
        upload(teacher, id, "description-activite", "tard.pdf", "application/pdf", PDF).statusCode(409);
        given().auth().oauth2(teacher).delete("/requests/{id}/attachments/{file}", id, file).then().statusCode(409);

        byte[] downloaded = given().auth().oauth2(head).get("/attachments/{id}", file).then().statusCode(200)
                .contentType("application/pdf").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename*=UTF-8''activit%C3%A9.pdf")
                .extract().asByteArray();
        assertArrayEquals(PDF, downloaded);
        given().auth().oauth2(colleague).get("/attachments/{id}", file).then().statusCode(404);
        given().auth().oauth2(head).get("/attachments/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theFilesOfTheExchangesFollowTheirMessageAndAPrivateNotesStayWithTheDeciders() {
        TestStack stack = TestStack.get();
        String school = "B" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        String teacher = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "enseignant").username());
        String head = stack.accessToken(stack.newAccount(Map.of("uai", school), "personnel", "chef-etablissement").username());
        String hr = stack.accessToken(stack.newAccount("personnel", "gestionnaire-rh").username());
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(Map.of("type", "formation", "form", Map.of("intitule", "Agrégation interne", "organisme", "CNED",
                        "dateDebut", "2027-01-11", "dureeHeures", 120))).post("/requests").then().statusCode(201).extract().path("id");
        upload(teacher, id, null, "programme.pdf", "application/pdf", PDF).statusCode(409); // a draft has no exchanges yet
        submit(teacher, id, 0).statusCode(200); // the programme is optional for a training

        String scan = upload(head, id, null, "scan.png", "image/png", PNG).statusCode(201).extract().path("id");
        write(head, id, "Pièce vue avec l'inspecteur.", true, List.of(scan)).statusCode(201)
                .body("attachments[0].fileName", is("scan.png"));
        String answer = upload(head, id, null, "calendrier.pdf", "application/pdf", PDF).statusCode(201).extract().path("id");
        write(teacher, id, "Voici ma réponse.", false, List.of(answer)).statusCode(400).body("field", is("attachments"));
        write(head, id, "Le calendrier des sessions.", false, List.of(answer)).statusCode(201);
        write(head, id, "Encore une fois ?", false, List.of(answer)).statusCode(400); // already sent

        given().auth().oauth2(teacher).get("/requests/{id}", id).then().statusCode(200)
                .body("messages", hasSize(1)).body("messages[0].attachments[0].id", is(answer));
        given().auth().oauth2(teacher).get("/attachments/{id}", answer).then().statusCode(200);
        given().auth().oauth2(teacher).get("/attachments/{id}", scan).then().statusCode(404);
        given().auth().oauth2(hr).get("/attachments/{id}", scan).then().statusCode(200).contentType("image/png");
        String unsent = upload(head, id, null, "brouillon.pdf", "application/pdf", PDF).statusCode(201).extract().path("id");
        given().auth().oauth2(hr).get("/attachments/{id}", unsent).then().statusCode(404); // not sent: its uploader's only
        given().auth().oauth2(head).get("/attachments/{id}", unsent).then().statusCode(200).body(notNullValue());
    }

    private static ValidatableResponse upload(String token, String id, String piece, String name, String type, byte[] content) {
        var request = given().auth().oauth2(token).contentType(type).body(content).queryParam("name", name);
        if (piece != null) {
            request = request.queryParam("piece", piece);
        }
        return request.post("/requests/{id}/attachments", id).then();
    }

    private static ValidatableResponse submit(String token, String id, int version) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/requests/{id}/submit", id).then();
    }

    private static ValidatableResponse write(String token, String id, String text, boolean privateNote, List<String> files) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("text", text, "privateNote", privateNote, "attachments", files))
                .post("/requests/{id}/messages", id).then();
    }
}
