package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.Service;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that hangs (SIGSTOP: its connections stay open, nothing answers) is a 504 problem once the idle timeout
 * (2 s here) has passed, one that is down a 502; both in French with a reference to quote, which the gateway's log
 * carries. The person's session is not touched.
 */
@QuarkusTest
@TestProfile(RelayFailuresTest.QuickTimeout.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class RelayFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI gateway;

    public static class QuickTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.idle-timeout", "PT2S");
        }
    }

    @Test
    void aHungServiceIsA504AndADownOneA502WithAReferenceToQuote() throws Exception {
        Browser browser = SignedIn.as(gateway, TestStack.get().newAccount("personnel", "enseignant").username());
        assertEquals(200, browser.get(gateway.resolve("/api/colibris/types")).statusCode());

        TestStack.get().freeze(Service.COLIBRIS);
        try {
            JsonNode slow = problem(browser.get(gateway.resolve("/api/colibris/types")), 504);
            assertEquals("urn:portail:service-timeout", slow.path("type").asText());
            assertTrue(slow.path("detail").asText().contains("Colibris met trop de temps à répondre"), slow::toString);
            assertTrue(slow.path("detail").asText().contains(slow.path("incident").asText()), "the reference is in words");
        } finally {
            TestStack.get().thaw(Service.COLIBRIS);
        }

        TestStack.get().stop(Service.COLIBRIS);
        try {
            JsonNode down = problem(browser.get(gateway.resolve("/api/colibris/types")), 502);
            assertEquals("urn:portail:service-unavailable", down.path("type").asText());
            assertEquals(8, down.path("incident").asText().length());
        } finally {
            TestStack.get().restart(Service.COLIBRIS);
        }
        assertEquals(200, browser.get(gateway.resolve("/api/colibris/types")).statusCode(), "back, same session");
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }
}
