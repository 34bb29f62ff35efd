package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.Keycloak;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account page's API: the person's sessions with the browser and system they were opened on, signing out
 * one of them or every other one (which the gateway then refuses at their next call, through Keycloak's
 * back-channel logout), and the sign-in history journaled by keycloak-extensions.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class AccountSecurityTest {

    static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    static final String EDGE_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1");

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @CsvSource({"GET, /api/compte/appareils", "GET, /api/compte/connexions", "DELETE, /api/compte/appareils/x",
            "POST, /api/compte/appareils/deconnecter-autres"})
    void withoutASessionTheAccountApiAnswers401(String method, String path) {
        given().header(RequestGuard.CSRF_HEADER, "1")
                .when().request(method, path)
                .then().statusCode(401).body("type", is("urn:portail:unauthenticated"));
    }

    @Test
    void samirSeesHisSessionsWithTheirBrowserAndEndsOneWhichTheGatewayThenRefuses() throws IOException {
        Browser office = SignedIn.as(gateway, "sbenali", new Browser().userAgent(FIREFOX_WINDOWS));
        Browser laptop = SignedIn.as(gateway, "sbenali", new Browser().userAgent(CHROME_LINUX));

        List<JsonNode> devices = items(office.get(gateway.resolve("/api/compte/appareils")));
        JsonNode current = devices.get(0);
        assertTrue(current.get("current").asBoolean(), "the session in use comes first");
        assertEquals("Firefox", current.get("browser").asText());
        assertEquals("Windows", current.get("os").asText());
        assertEquals("127.0.0.1", current.get("ipAddress").asText());
        assertEquals(List.of("Portail agents"), strings(current.get("applications")));
        JsonNode other = devices.stream().filter(device -> "Chrome".equals(device.get("browser").asText())
                && "Linux".equals(device.get("os").asText())).findFirst().orElseThrow();
        assertFalse(other.get("current").asBoolean());

        HttpResponse<String> ended = office.send("DELETE", gateway.resolve("/api/compte/appareils/" + other.get("id").asText()),
                FROM_THE_SPA, null);
        assertEquals(204, ended.statusCode(), ended.body());
        assertEquals(401, laptop.get(gateway.resolve("/api/me")).statusCode(), "the ended session is refused");
        assertEquals(200, office.get(gateway.resolve("/api/me")).statusCode());
    }

    @Test
    void nobodyEndsASessionOfSomeoneElse() throws IOException {
        Browser lena = SignedIn.as(gateway, "lmartin");
        String lenaSession = items(lena.get(gateway.resolve("/api/compte/appareils"))).get(0).get("id").asText();
        Browser samir = SignedIn.as(gateway, "sbenali");

        HttpResponse<String> refused = samir.send("DELETE", gateway.resolve("/api/compte/appareils/" + lenaSession),
                FROM_THE_SPA, null);
        assertEquals(404, refused.statusCode());
        assertTrue(refused.body().contains("urn:portail:gateway:unknown-session"), refused.body());
        assertEquals(200, lena.get(gateway.resolve("/api/me")).statusCode(), "Léna's session is untouched");
    }

    @Test
    void signingOutEverywhereElseEndsEveryOtherSessionAndKeepsThisOne() throws IOException {
        Browser here = SignedIn.as(gateway, "lmartin", new Browser().userAgent(SAFARI_MAC));
        Browser elsewhere = SignedIn.as(gateway, "lmartin", new Browser().userAgent(EDGE_WINDOWS));
        TestStack.get().accessToken("pronote", "lmartin"); // a session opened by another application of the realm

        HttpResponse<String> response = here.send("POST", gateway.resolve("/api/compte/appareils/deconnecter-autres"),
                FROM_THE_SPA, null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).get("sessions").asInt() >= 2, response.body());
        assertEquals(401, elsewhere.get(gateway.resolve("/api/me")).statusCode());
        assertEquals(200, here.get(gateway.resolve("/api/me")).statusCode());
        assertEquals(1, items(here.get(gateway.resolve("/api/compte/appareils"))).size(), "only this session is left");
    }

    @Test
    void theHistoryShowsSuccessesAndFailuresWithTheirDeviceAndFlagsANewDeviceOnce() throws IOException {
        String newDevice = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        SignedIn.as(gateway, "lmartin", new Browser().userAgent(CHROME_LINUX)); // Léna has signed in before
        failedSignIn("lmartin", newDevice);
        SignedIn.as(gateway, "lmartin", new Browser().userAgent(newDevice));
        Browser again = SignedIn.as(gateway, "lmartin", new Browser().userAgent(newDevice));

        List<JsonNode> history = items(again.get(gateway.resolve("/api/compte/connexions")));
        JsonNode latest = history.get(0);
        assertTrue(latest.get("success").asBoolean());
        assertEquals("Firefox", latest.get("browser").asText());
        assertEquals("Ubuntu", latest.get("os").asText());
        assertEquals("Portail agents", latest.get("application").asText());
        assertFalse(latest.get("newDevice").asBoolean(), "the second sign-in from that device is not new");
        assertTrue(history.get(1).get("newDevice").asBoolean(), "the first one was");
        JsonNode failure = history.get(2);
        assertFalse(failure.get("success").asBoolean());
        assertEquals("Firefox", failure.get("browser").asText());

    }

    private void failedSignIn(String username, String userAgent) {
        Browser browser = new Browser().userAgent(userAgent);
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/")), SignedIn::isKeycloak);
        HttpResponse<String> refused = browser.submitLogin(browser.get(Browser.location(toKeycloak)), username,
                "Mauvais-Mot-De-Passe-1");
        assertEquals(200, refused.statusCode(), "the form comes back with an error");
    }

    private static List<JsonNode> items(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), () -> response.uri() + " answered " + response.body());
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(response.body()).get("items").forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
