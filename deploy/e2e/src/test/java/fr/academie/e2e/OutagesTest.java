package fr.academie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees when a part below the portal goes away for a while, through the gateway and services from their
 * jars: PostgreSQL restarted under them (every service takes new connections by itself; what was written stays, and
 * the next call works), Keycloak down (those signed in go on; a new visit gets a French page, not a connection error
 * at Keycloak's address; sign-in works again once it is back).
 */
class OutagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FROM_THE_SPA = Map.of("X-Portail-Request", "1", "Content-Type",
            "application/json");

    private final URI gateway = URI.create(TestStack.get().gateway(Map.of()));

    @Test
    void afterAPostgresRestartEveryServiceAnswersAtOnceAndNothingWrittenIsLost() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        String before = "Avant-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, label(browser, before).statusCode());

        TestStack.get().restartPostgres();

        // the first calls after the restart, on connections the pools held before it: no error, no retry needed
        for (String path : new String[] {"/api/mail/labels", "/api/mail/folders", "/api/iprof/agents/me",
                "/api/colibris/types", "/api/compte/securite"}) {
            HttpResponse<String> answer = browser.get(gateway.resolve(path));
            assertTrue(answer.statusCode() < 500, path + " → " + answer.statusCode() + " " + answer.body());
        }
        String labels = browser.get(gateway.resolve("/api/mail/labels")).body();
        assertTrue(labels.contains(before), "written before the restart, still there: " + labels);
        String after = "Apres-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, label(browser, after).statusCode(), "and a write works at once");
        assertEquals(200, SignedIn.as(gateway, teacher.username()).get(gateway.resolve("/api/me")).statusCode(),
                "signing in again works (Keycloak's own database connections too)");
    }

    @Test
    void whileKeycloakIsDownThoseSignedInGoOnAndANewVisitIsToldInFrench() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser signedIn = SignedIn.as(gateway, teacher.username());
        TestStack.get().stopKeycloak();
        try {
            assertEquals(200, signedIn.get(gateway.resolve("/api/mail/folders")).statusCode(), "her work goes on");
            Thread.sleep(1_100); // past the gateway's one-second memory of Keycloak answering
            Browser newcomer = new Browser();
            newcomer.setCookie("portail_cookies", "1"); // past the gateway's cookie check
            HttpResponse<String> visit = newcomer.get(gateway.resolve("/"));
            assertEquals(503, visit.statusCode(), visit.body());
            assertTrue(visit.body().contains("Service d'authentification indisponible"), visit.body());
            assertTrue(visit.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        } finally {
            TestStack.get().startKeycloak();
        }
        Thread.sleep(5_100); // the gateway asks again after its five-second memory of the outage
        HttpResponse<String> visit = new Browser().get(gateway.resolve("/"),
                Map.of("Cookie", "portail_cookies=1"));
        assertEquals(302, visit.statusCode(), "sent to Keycloak again");
        assertEquals(200, SignedIn.as(gateway, teacher.username()).get(gateway.resolve("/api/me")).statusCode());
    }

    @Test
    void aSessionDueForRenewalGoesOnWithItsTokensWhileKeycloakIsDown() throws Exception {
        TestStack.get().countingRefreshes(75, () -> {
            TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
            Browser browser = SignedIn.as(gateway, teacher.username());
            Thread.sleep(17_000); // its tokens expire within the minute: due for renewal, which cannot be made
            TestStack.get().stopKeycloak();
            try {
                for (String path : new String[] {"/api/me", "/api/mail/folders", "/"}) {
                    HttpResponse<String> answer = browser.get(gateway.resolve(path));
                    assertEquals(200, answer.statusCode(), path + " while Keycloak is down: " + answer.body());
                }
            } finally {
                TestStack.get().startKeycloak();
            }
            assertEquals(200, browser.get(gateway.resolve("/api/me")).statusCode(), "and renewed once it is back");
            assertEquals(1, TestStack.get().refreshes(teacher).size());
        });
    }

    private HttpResponse<String> label(Browser browser, String name) throws Exception {
        JsonNode body = JSON.createObjectNode().put("name", name).put("color", "#1565c0");
        return browser.send("POST", gateway.resolve("/api/mail/labels"), FROM_THE_SPA, body.toString());
    }
}
