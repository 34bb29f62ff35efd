package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gateway does before anything else: security headers, the cookie check before Keycloak, rate
 * limits (each test plays its own client address through X-Forwarded-For, so limits do not leak between
 * tests) and the CSRF header.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class GatewayGuardTest {

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    GatewayConfig config;

    @ParameterizedTest
    @ValueSource(strings = {"/au-revoir.html", "/api/me", "/messagerie", "/connexion/cookies", "/q/health/ready"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        given().redirects().follow(false).cookie(RequestGuard.COOKIE_CHECK, "1")
                .when().get(path)
                .then()
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("script-src 'self';"), containsString("frame-ancestors 'none'"),
                        containsString("object-src 'none'"), not(containsString("unsafe-inline"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void aMessageBodyIsFramedWithoutScriptsAndOnlyBySamePagesOrigin() {
        // the policy is the gateway's, whatever the service answers (here: no session, so a 401)
        given().redirects().follow(false).cookie(RequestGuard.COOKIE_CHECK, "1")
                .when().get("/api/mail/messages/" + java.util.UUID.randomUUID() + "/body")
                .then()
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                        containsString("sandbox allow-same-origin allow-popups"), not(containsString("allow-scripts")),
                        not(containsString("script-src")), containsString("frame-ancestors 'self'")))
                .header("X-Frame-Options", "SAMEORIGIN");
        given().redirects().follow(false).cookie(RequestGuard.COOKIE_CHECK, "1")
                .when().get("/api/mail/messages/" + java.util.UUID.randomUUID() + "/body/x")
                .then().header("X-Frame-Options", "DENY");
    }

    @Test
    void hstsIsSentBehindHttps() {
        given().header("X-Forwarded-Proto", "https")
                .when().get("/au-revoir.html")
                .then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void aFirstVisitChecksThatTheBrowserSendsCookiesBack() {
        Response first = given().redirects().follow(false).when().get("/messagerie?onglet=2");
        first.then().statusCode(303).header("Location", "/connexion/cookies?retour=%2Fmessagerie%3Fonglet%3D2");
        String setCookie = first.header("Set-Cookie");
        assertTrue(setCookie.startsWith(RequestGuard.COOKIE_CHECK + "=1"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Lax"), setCookie);

        given().redirects().follow(false).cookie(RequestGuard.COOKIE_CHECK, "1")
                .when().get("/connexion/cookies?retour=/messagerie?onglet=2")
                .then().statusCode(303).header("Location", endsWith(":" + gateway.getPort() + "/messagerie?onglet=2"));
    }

    @Test
    void aBrowserThatBlocksCookiesIsToldHowToAllowThem() {
        given().redirects().follow(false)
                .when().get("/connexion/cookies?retour=/carriere")
                .then().statusCode(200)
                .contentType("text/html")
                .body(containsString("Votre navigateur bloque les cookies du portail"),
                        containsString("ac-orleans-tours.fr"),
                        containsString("<a href=\"/carriere\">Réessayer</a>"));
        given().when().get("/connexion/cookies?retour=https://evil.example/")
                .then().statusCode(200).body(containsString("<a href=\"/\">Réessayer</a>"));
    }

    @Test
    void signInStartsBeyondTheLimitGetAFrenchPageWithRetryAfterAndAReference() {
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.7");
        HttpResponse<String> refused = callUntilRefused(() -> checkedBrowser().get(gateway.resolve("/"), from),
                config.rateLimit().signInPerAddress().requests(), 302);
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(refused.headers().firstValue("Retry-After").orElseThrow().matches("[1-9][0-9]*"));
        assertTrue(refused.body().contains("Trop de demandes de connexion"), refused.body());
        assertTrue(refused.body().matches("(?s).*<strong class=\"reference\">[0-9a-f]{8}</strong>.*"), refused.body());
        assertEquals(302, checkedBrowser().get(gateway.resolve("/"), Map.of("X-Forwarded-For", "203.0.113.70")).statusCode(),
                "another address is still sent to sign in");
    }

    @Test
    void apiCallsBeyondTheAddressLimitGetAProblemWithRetryAfter() {
        int allowed = config.rateLimit().apiPerAddress().requests();
        int perAccount = config.rateLimit().apiPerAccount().requests() * 5 / 6;
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.8");
        // several people behind one school address, each well under their own limit
        List<Browser> staff = new ArrayList<>();
        for (int i = 0; i <= allowed / perAccount + 1; i++) {
            staff.add(SignedIn.as(gateway, TestStack.get().newAccount("personnel").username()));
        }
        int passed = 0;
        HttpResponse<String> refused = null;
        for (Browser person : staff) {
            for (int call = 0; call < perAccount && refused == null; call++) {
                HttpResponse<String> answer = person.get(gateway.resolve("/api/me"), from);
                if (answer.statusCode() == 429) {
                    refused = answer;
                } else {
                    assertEquals(200, answer.statusCode(), answer.body());
                    passed++;
                }
            }
        }
        assertTrue(refused != null, "calls beyond the address's limit are refused");
        assertTrue(passed >= allowed, passed + " calls passed; the limit allows " + allowed);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(refused.headers().firstValue("Retry-After").orElseThrow().matches("[1-9][0-9]*"));
        assertTrue(refused.body().contains("\"type\":\"urn:portail:gateway:rate-limited\""), refused.body());
        assertTrue(refused.body().matches("(?s).*\"incident\":\"[0-9a-f]{8}\".*"), refused.body());
        assertTrue(refused.body().contains("Réessayez dans"), refused.body());
    }

    @Test
    void apiCallsBeyondTheAccountLimitAreRefusedForThatAccountOnly() {
        Browser nadia = SignedIn.as(gateway, "nmoreau");
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.9");
        HttpResponse<String> refused = callUntilRefused(() -> nadia.get(gateway.resolve("/api/me"), from),
                config.rateLimit().apiPerAccount().requests(), 200);
        assertTrue(refused.body().contains("urn:portail:gateway:rate-limited"), refused.body());
        assertEquals(200, SignedIn.as(gateway, "sbenali").get(gateway.resolve("/api/me"), from).statusCode(),
                "another account from the same address is still served");
    }

    /** A new browser (each sign-in start leaves a state cookie behind) that has passed the cookie check. */
    private static Browser checkedBrowser() {
        Browser browser = new Browser();
        browser.setCookie(RequestGuard.COOKIE_CHECK, "1");
        return browser;
    }

    /**
     * Calls until the gateway answers 429 and returns that answer, having checked that at least {@code allowed}
     * calls passed first with the {@code usual} status (the bucket refills while the test runs, so a few more may).
     */
    private static HttpResponse<String> callUntilRefused(Supplier<HttpResponse<String>> call, int allowed, int usual) {
        for (int calls = 0; calls < 2 * allowed; calls++) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 429) {
                assertTrue(calls >= allowed, "refused after " + calls + " calls; the limit allows " + allowed);
                return response;
            }
            assertEquals(usual, response.statusCode(), response.body());
        }
        throw new AssertionError("still not refused after " + 2 * allowed + " calls");
    }

    @Test
    void aStateChangingCallWithoutThePortalHeaderIsRefused() {
        Browser lena = SignedIn.as(gateway, "lmartin");
        URI agent = gateway.resolve("/api/iprof/agents/me");
        HttpResponse<String> forged = lena.send("POST", agent, Map.of("Content-Type", "application/json"), "{}");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("urn:portail:gateway:csrf"), forged.body());

        HttpResponse<String> fromTheSpa = lena.send("POST", agent,
                Map.of("Content-Type", "application/json", RequestGuard.CSRF_HEADER, "1"), "{}");
        assertEquals(405, fromTheSpa.statusCode(), "relayed to the service, which has no POST there: " + fromTheSpa.body());
        assertEquals(200, lena.get(agent).statusCode(), "reads need no header");
    }

    @Test
    void theLoginPageIsReachedOnlyAfterTheCookieCheck() {
        Browser browser = new Browser();
        HttpResponse<String> first = browser.get(gateway.resolve("/compte"));
        assertEquals("/connexion/cookies", Browser.location(first).getPath());
        HttpResponse<String> checked = browser.get(Browser.location(first));
        assertEquals("/compte", Browser.location(checked).getPath());
        HttpResponse<String> toKeycloak = browser.get(Browser.location(checked));
        assertTrue(SignedIn.isKeycloak(Browser.location(toKeycloak)), toKeycloak.headers().toString());
    }
}
