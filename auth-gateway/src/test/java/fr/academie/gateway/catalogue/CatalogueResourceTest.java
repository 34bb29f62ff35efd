package fr.academie.gateway.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/applications with real sessions of the real realm: what each profile's home page offers, and no session. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class CatalogueResourceTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void eachProfileSeesItsOwnApplications() throws Exception {
        assertEquals(List.of("messagerie", "carriere", "demarches", "pronote", "educonnect", "ent", "intranet"),
                ids(TestStack.get().newAccount("personnel", "enseignant").username()));
        List<String> administrator = ids(TestStack.get().newAccount("personnel", "admin-academique").username());
        assertTrue(administrator.contains("administration") && !administrator.contains("pronote"), administrator.toString());
    }

    @Test
    void withoutASessionTheCatalogueIsRefused() {
        given().get("/api/applications").then().statusCode(401).contentType("application/problem+json");
    }

    private List<String> ids(String username) throws Exception {
        HttpResponse<String> answer = SignedIn.as(gateway, username).get(gateway.resolve("/api/applications"));
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode application : new ObjectMapper().readTree(answer.body()).path("items")) {
            assertTrue(application.path("url").asText().matches("/.*|https://.*"), application.toString());
            ids.add(application.path("id").asText());
        }
        return ids;
    }
}
