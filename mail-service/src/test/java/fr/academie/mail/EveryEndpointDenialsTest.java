package fr.academie.mail;

import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation the service publishes (read from its own OpenAPI document, so that a new endpoint cannot be
 * forgotten) refuses a call without a token and a token without the audience {@code mail-service}, with a 401.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class EveryEndpointDenialsTest {

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesNoTokenAndAnotherAudience() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(new String[] {m.toUpperCase(), path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString())})));
        assertTrue(operations.size() >= 40, "the document lists the service's operations: " + operations.size());
        String otherAudience = TestStack.get().accessToken("pronote", "lmartin");
        return operations.stream().map(op -> DynamicTest.dynamicTest(op[0] + " " + op[1], () -> {
            assertEquals(401, given().contentType("application/json").body("{}").request(op[0], op[1]).statusCode(), "no token");
            assertEquals(401, given().auth().oauth2(otherAudience).contentType("application/json").body("{}")
                    .request(op[0], op[1]).statusCode(), "a token for another audience");
        }));
    }
}
