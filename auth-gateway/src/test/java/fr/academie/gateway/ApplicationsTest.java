package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
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
 * "Mes applications" on the account page: the applications a person entered with her account, what each receives
 * about her (the realm's words), and the end of her sessions in one of them — Pronote's refresh token then stops
 * working while the portal goes on; the portal itself is left by signing out; nobody ends another's.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class ApplicationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1");

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @CsvSource({"GET, /api/compte/applications", "DELETE, /api/compte/applications/pronote/sessions"})
    void withoutASessionTheApplicationsAnswer401(String method, String path) {
        given().header(RequestGuard.CSRF_HEADER, "1").when().request(method, path)
                .then().statusCode(401).body("type", is("urn:portail:unauthenticated"));
    }

    @Test
    void sheSeesWhatPronoteReceivesAndEndsItsSessionWhileThePortalGoesOn() throws IOException {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        Tokens tokens = new Tokens(TestStack.get().realmUrl());
        Tokens.Client pronote = TestStack.get().client("pronote");
        String verifier = Tokens.random();
        URI back = Browser.location(browser.get(tokens.authorizationUri(pronote, Tokens.challenge(verifier))));
        JsonNode pronoteSession = tokens.exchange(pronote, Tokens.queryParameter(back, "code"), verifier);

        List<JsonNode> applications = items(browser.get(gateway.resolve("/api/compte/applications")));
        assertEquals(List.of("Portail agents", "Pronote"), applications.stream().map(a -> a.get("name").asText()).sorted().toList());
        JsonNode pronoteRow = find(applications, "pronote");
        assertTrue(pronoteRow.get("receives").asText().contains("votre établissement (UAI)"), pronoteRow.toString());
        assertEquals(1, pronoteRow.get("openSessions").asInt());
        assertFalse(pronoteRow.get("lastSignIn").isNull(), "the entry into Pronote is in the journal");
        assertFalse(pronoteRow.get("portal").asBoolean());
        assertTrue(find(applications, "portail").get("portal").asBoolean());

        HttpResponse<String> ended = browser.send("DELETE", gateway.resolve("/api/compte/applications/pronote/sessions"),
                FROM_THE_SPA, null);
        assertEquals(204, ended.statusCode(), ended.body());

        assertEquals(400, tokens.refresh(pronote, pronoteSession.get("refresh_token").asText()).statusCode(),
                "Pronote can no longer renew its tokens");
        assertEquals(200, browser.get(gateway.resolve("/api/me")).statusCode(), "the portal goes on");
        assertEquals(0, find(items(browser.get(gateway.resolve("/api/compte/applications"))), "pronote")
                .get("openSessions").asInt(), "Pronote stays listed (she signed in to it), with no session");
    }

    @Test
    void thePortalIsLeftBySigningOutAndAnApplicationNeverEnteredIsNotFound() throws IOException {
        Browser browser = SignedIn.as(gateway, "nmoreau");

        HttpResponse<String> portal = browser.send("DELETE", gateway.resolve("/api/compte/applications/portail/sessions"),
                FROM_THE_SPA, null);
        assertEquals(409, portal.statusCode(), portal.body());
        assertTrue(portal.body().contains("urn:portail:gateway:portal-application"), portal.body());
        for (String client : new String[] {"educonnect", "portail-admin", "inconnue"}) {
            HttpResponse<String> unknown = browser.send("DELETE",
                    gateway.resolve("/api/compte/applications/" + client + "/sessions"), FROM_THE_SPA, null);
            assertEquals(404, unknown.statusCode(), client + ": " + unknown.body());
            assertTrue(unknown.body().contains("urn:portail:gateway:unknown-application"), unknown.body());
        }
    }

    @Test
    void nobodyEndsTheSessionsOfSomeoneElse() throws IOException {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        Tokens tokens = new Tokens(TestStack.get().realmUrl());
        Tokens.Client pronote = TestStack.get().client("pronote");
        String verifier = Tokens.random();
        URI back = Browser.location(browser.get(tokens.authorizationUri(pronote, Tokens.challenge(verifier))));
        JsonNode pronoteSession = tokens.exchange(pronote, Tokens.queryParameter(back, "code"), verifier);
        TestStack.Account colleague = TestStack.get().newAccount("personnel");
        Browser other = SignedIn.as(gateway, colleague.username());

        HttpResponse<String> refused = other.send("DELETE", gateway.resolve("/api/compte/applications/pronote/sessions"),
                FROM_THE_SPA, null);

        assertEquals(404, refused.statusCode(), "her colleague never entered Pronote: nothing of hers to end");
        assertEquals(200, tokens.refresh(pronote, pronoteSession.get("refresh_token").asText()).statusCode(),
                "her Pronote session is untouched");
        assertFalse(items(other.get(gateway.resolve("/api/compte/applications"))).stream()
                .anyMatch(a -> "pronote".equals(a.get("clientId").asText())), "and he does not see it");
    }

    private static JsonNode find(List<JsonNode> applications, String clientId) {
        return applications.stream().filter(a -> clientId.equals(a.get("clientId").asText())).findFirst().orElseThrow(
                () -> new AssertionError(clientId + " not in " + applications));
    }

    private static List<JsonNode> items(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(response.body()).get("items").forEach(items::add);
        return items;
    }
}
