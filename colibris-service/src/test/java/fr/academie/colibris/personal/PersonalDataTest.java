package fr.academie.colibris.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Zips;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Her part of "Mes données": her requests with their history and files as she gave them; nothing of a colleague's. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "colibris-service"))
class PersonalDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void herRequestsWithTheirHistoryAndFilesAndNothingOfAColleague() throws Exception {
        TestStack stack = TestStack.get();
        String teacher = stack.accessToken(stack.newAccount("personnel", "enseignant").username());
        TestStack.Account colleagueAccount = stack.newAccount("personnel", "enseignant");
        String colleague = stack.accessToken(colleagueAccount.username());
        JsonNode hers = requestWithFile(teacher);
        JsonNode his = requestWithFile(colleague);

        Map<String, byte[]> files = Zips.files(given().auth().oauth2(teacher).get("/personal-data").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray());

        JsonNode requests = JSON.readTree(files.get("demarches/demandes.json"));
        assertEquals(1, requests.size());
        assertEquals(hers.get("id").asText(), requests.get(0).get("id").asText());
        assertFalse(requests.get(0).get("history").isEmpty());
        byte[] file = files.entrySet().stream().filter(f -> f.getKey().startsWith("demarches/pieces/"
                + hers.get("number").asLong() + "/") && f.getKey().endsWith("activite.pdf")).findFirst().orElseThrow()
                .getValue();
        assertArrayEquals(PDF, file);
        String all = Zips.allText(files);
        assertFalse(all.contains(his.get("id").asText()) || all.contains(colleagueAccount.username()), "nothing of his");
    }

    private static JsonNode requestWithFile(String token) throws Exception {
        JsonNode request = JSON.readTree(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "cumul-activites")).post("/requests").then().statusCode(201).extract().asString());
        given().auth().oauth2(token).contentType("application/pdf").body(PDF).queryParam("name", "activite.pdf")
                .queryParam("piece", "description-activite").post("/requests/{id}/attachments", request.get("id").asText())
                .then().statusCode(201);
        return request;
    }
}
