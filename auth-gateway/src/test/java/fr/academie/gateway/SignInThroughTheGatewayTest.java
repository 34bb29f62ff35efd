package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through the gateway, as a browser without JavaScript: the real Keycloak login form, then
 * the API and one call to each service relayed with the person's token, then sign-out.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class SignInThroughTheGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void lenaSignsInReachesEveryServiceThenSignsOutForGood() throws IOException {
        Browser browser = new Browser();
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/messagerie")), SignedIn::isKeycloak);
        assertTrue(Browser.isRedirect(toKeycloak));
        URI authorization = Browser.location(toKeycloak);
        assertTrue(authorization.toString().startsWith(TestStack.get().realmUrl() + "/protocol/openid-connect/auth"));
        assertTrue(authorization.getQuery().contains("code_challenge_method=S256"), "PKCE S256");

        HttpResponse<String> loginPage = browser.get(authorization);
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.body().contains("lang=\"fr\""), "the login page is in French");

        HttpResponse<String> back = browser.follow(browser.submitLogin(loginPage, "lmartin", DemoAccounts.PASSWORD));
        assertEquals(200, back.statusCode());
        assertEquals("/messagerie", back.uri().getPath(), "back on the page asked for");
        assertTrue(back.body().contains("<portail-app>"));
        String session = browser.cookies().get("q_session");
        assertTrue(session != null && !session.contains("eyJ"), "the session cookie holds no token");
        String sessionCookie = browser.setCookieHeader("q_session").toLowerCase();
        assertTrue(sessionCookie.contains("httponly"), sessionCookie);
        assertTrue(sessionCookie.contains("samesite=lax"), sessionCookie);

        JsonNode me = json(browser.get(gateway.resolve("/api/me")));
        assertEquals("lmartin", me.get("username").asText());
        assertEquals("Léna Martin", me.get("displayName").asText());
        assertEquals("lena.martin@ac-orleans-tours.fr", me.get("email").asText());
        assertEquals(List.of("personnel", "enseignant"), JSON.convertValue(me.get("roles"), List.class));
        assertEquals("0450042K", me.get("uai").asText());

        JsonNode inbox = json(browser.get(gateway.resolve("/api/mail/folders"))).get("items").get(0);
        assertEquals("INBOX", inbox.get("systemRole").asText());
        assertTrue(inbox.get("unread").asInt() >= 2, "the demo inbox's two unread mails (and any alert since)");
        JsonNode messages = json(browser.get(gateway.resolve("/api/mail/folders/" + inbox.get("id").asText()
                + "/messages?limit=1")));
        assertEquals(1, messages.get("items").size());
        assertFalse(messages.get("nextCursor").isNull(), "the query string is relayed");
        JsonNode career = json(browser.get(gateway.resolve("/api/iprof/agents/me")));
        assertEquals("Classe normale", career.get("grade").asText());
        assertEquals(7, career.get("echelon").asInt());
        JsonNode requests = json(browser.get(gateway.resolve("/api/colibris/requests")));
        assertEquals("autorisation-absence", requests.get("items").get(0).get("type").get("code").asText());

        HttpResponse<String> signedOut = browser.follow(browser.get(gateway.resolve("/deconnexion")));
        assertEquals(200, signedOut.statusCode());
        assertEquals("/au-revoir.html", signedOut.uri().getPath());

        Browser replay = new Browser();
        replay.setCookie("q_session", session);
        HttpResponse<String> replayed = replay.get(gateway.resolve("/api/me"));
        assertEquals(401, replayed.statusCode(), "the old session cookie no longer works");
        HttpResponse<String> again = browser.follow(browser.get(gateway.resolve("/")));
        assertTrue(again.body().contains("kc-form-login"), "Keycloak's session has ended too: the login form shows");
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), () -> response.uri() + " answered " + response.body());
        return JSON.readTree(response.body());
    }
}
