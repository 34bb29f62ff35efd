package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.gateway.session.ServerSideTokenStateManager;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.KeycloakAdmin;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token handling as OWASP ASVS (V7 sessions, V9/V10 tokens and OAuth) asks of a BFF: the authorization request
 * carries a fresh state, nonce and PKCE challenge; the callback works once, in the browser that started the
 * sign-in; the session id after sign-in is never one the browser brought; a browser's own Authorization header is
 * never relayed to a service, nor accepted instead of a session; many calls of one session near the tokens' expiry
 * make one refresh.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class TokenHandlingTest {

    private static final String SESSION = "q_session";
    private static final int TABS = 12;

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    ServerSideTokenStateManager sessions;

    @Test
    void everyAuthorizationRequestCarriesItsOwnStateNonceAndPkceChallenge() {
        URI first = authorizationRequest(new Browser());
        URI second = authorizationRequest(new Browser());

        for (String parameter : new String[] {"state", "nonce", "code_challenge"}) {
            String value = Tokens.queryParameter(first, parameter);
            assertTrue(value.length() >= 16, parameter + " is there and unguessable: " + first);
            assertNotEquals(value, Tokens.queryParameter(second, parameter), parameter + " is fresh for each sign-in");
        }
        assertEquals("S256", Tokens.queryParameter(first, "code_challenge_method"));
    }

    @Test
    void theCallbackWorksOnceAndOnlyInTheBrowserThatStartedTheSignIn() {
        Browser lena = new Browser();
        HttpResponse<String> loginPage = lena.get(authorizationRequest(lena));
        HttpResponse<String> toCallback = lena.submitLogin(loginPage, "lmartin", DemoAccounts.PASSWORD);
        URI callback = Browser.location(toCallback);
        assertEquals(gateway.getAuthority(), callback.getAuthority(), "Keycloak sends the code back to the gateway");
        Map<String, String> cookiesBeforeTheCallback = lena.cookies();

        // the code and state injected into another browser (a link sent to a victim): no session there
        Browser other = new Browser();
        other.follow(other.get(callback), SignedIn::isKeycloak);
        assertNull(other.cookies().get(SESSION), "no session without the state bound to the browser that signed in");
        assertEquals(401, other.get(gateway.resolve("/api/me")).statusCode());

        HttpResponse<String> signedIn = lena.follow(lena.get(callback));
        assertEquals(200, signedIn.statusCode());
        assertEquals(200, lena.get(gateway.resolve("/api/me")).statusCode());

        // the same callback again, even with that browser's pre-callback cookies (state included): the code is spent
        Browser replay = new Browser();
        cookiesBeforeTheCallback.forEach(replay::setCookie);
        replay.follow(replay.get(callback), SignedIn::isKeycloak);
        assertNull(replay.cookies().get(SESSION), "a code works once");
        assertEquals(401, replay.get(gateway.resolve("/api/me")).statusCode());
    }

    @Test
    void theSessionIdIsNewAtEverySignInNeverOneTheBrowserBrought() {
        Browser browser = new Browser();
        browser.setCookie(SESSION, "fixe-par-un-attaquant");

        SignedIn.as(gateway, "lmartin", browser);
        String first = browser.cookies().get(SESSION);
        assertNotEquals("fixe-par-un-attaquant", first);
        browser.follow(browser.get(gateway.resolve("/deconnexion")));
        SignedIn.as(gateway, "lmartin", browser);

        assertNotEquals(first, browser.cookies().get(SESSION), "a new session id after signing in again");
    }

    @Test
    void anAuthorizationHeaderFromTheBrowserIsNeverRelayedNorTakenForASession() {
        String samirsToken = TestStack.get().accessToken("sbenali");
        Browser lena = SignedIn.as(gateway, "lmartin");

        HttpResponse<String> career = lena.get(gateway.resolve("/api/iprof/agents/me"),
                Map.of("Authorization", "Bearer " + samirsToken));

        assertEquals(200, career.statusCode(), career.body());
        assertTrue(career.body().contains("Léna") && !career.body().contains("Samir"),
                "Léna's own record, read with her token: " + career.body());
        HttpResponse<String> withoutSession = new Browser().get(gateway.resolve("/api/mail/folders"),
                Map.of("Authorization", "Bearer " + samirsToken));
        assertEquals(401, withoutSession.statusCode(), "a bearer token is no session");
    }

    @Test
    void manyCallsOfOneSessionNearTokenExpiryCauseOneRefresh() throws Exception {
        ExecutorService tabs = Executors.newFixedThreadPool(TABS);
        try {
            TestStack.get().countingRefreshes(75, () -> {
                TestStack.Account account = TestStack.get().newAccount("personnel");
                Map<String, String> session = SignedIn.as(gateway, account.username()).cookies();
                Thread.sleep(17_000); // the tokens now expire within the minute: the gateway renews them at the next call

                List<Future<Integer>> calls = new ArrayList<>();
                List<Browser> browsers = new ArrayList<>();
                for (int tab = 0; tab < TABS; tab++) {
                    Browser browser = new Browser(); // one per tab, each with the session cookie, all at once
                    session.forEach(browser::setCookie);
                    browsers.add(browser);
                    calls.add(tabs.submit(() -> browser.get(gateway.resolve("/api/me")).statusCode()));
                }
                for (Future<Integer> call : calls) {
                    assertEquals(200, call.get());
                }
                // every tab keeps the same session; the answers that waited for the renewal extend its cookie (a
                // browser's tabs share cookies, so one such answer is enough), as long as the renewed tokens allow
                for (Browser browser : browsers) {
                    assertEquals(session.get(SESSION), browser.cookies().get(SESSION));
                }
                assertTrue(browsers.stream().map(browser -> browser.setCookieHeader(SESSION))
                        .anyMatch(renewed -> renewed != null && renewed.matches("(?i).*max-age=\\d{3,}.*")), "cookie renewed");
                JsonNode refreshes = TestStack.get().refreshes(account);
                assertEquals(1, refreshes.size(), "one refresh for " + TABS + " concurrent calls: " + refreshes);
            });
        } finally {
            tabs.shutdownNow();
        }
    }

    @Test
    void aSessionKeycloakNoLongerHoldsEndsHereAtItsNextRenewal() throws Exception {
        // as when Keycloak's idle or maximum time is up: the session is gone there, and nobody told the gateway
        KeycloakAdmin admin = TestStack.get().stack().admin();
        ObjectNode portail = (ObjectNode) admin.client(Keycloak.REALM, "portail");
        ObjectNode asShipped = portail.deepCopy();
        ((ObjectNode) portail.get("attributes")).put("access.token.lifespan", "75").put("backchannel.logout.url", "");
        admin.updateClient(Keycloak.REALM, portail);
        try {
            TestStack.Account account = TestStack.get().newAccount("personnel");
            Browser browser = SignedIn.as(gateway, account.username());
            endKeycloakSessions(account);
            assertEquals(200, browser.get(gateway.resolve("/api/me")).statusCode(), "its tokens are still valid");

            Thread.sleep(11_000); // the tokens are now due for renewal, which Keycloak refuses

            HttpResponse<String> ended = browser.get(gateway.resolve("/api/me"));
            assertEquals(401, ended.statusCode(), ended.body());
            assertTrue(ended.body().contains("urn:portail:unauthenticated"), ended.body());
        } finally {
            admin.updateClient(Keycloak.REALM, asShipped);
        }
    }

    @Test
    void anApiCallReusesTheIdentityVerifiedForTheSameTokensUntilABackChannelLogout() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        Browser browser = SignedIn.as(gateway, account.username());
        String reference = browser.cookies().get(SESSION);
        assertEquals(200, browser.get(gateway.resolve("/api/me")).statusCode());
        SecurityIdentity verified = sessions.verifiedIdentity(reference).await().indefinitely().orElseThrow();
        assertEquals(account.username(), verified.getPrincipal().getName());
        HttpResponse<String> again = browser.get(gateway.resolve("/api/me"));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains(account.username()), again.body());
        assertSame(verified, sessions.verifiedIdentity(reference).await().indefinitely().orElseThrow(), "not verified a second time");

        // ended at Keycloak: its back-channel logout makes the gateway forget what it had verified, and end the session
        endKeycloakSessions(account);
        for (int wait = 0; wait < 50 && sessions.verifiedIdentity(reference).await().indefinitely().isPresent(); wait++) {
            Thread.sleep(100);
        }
        assertTrue(sessions.verifiedIdentity(reference).await().indefinitely().isEmpty(), "forgotten at the back-channel logout");
        assertEquals(401, browser.get(gateway.resolve("/api/me")).statusCode());
    }

    /** Ends the account's sessions at Keycloak, which lists a new session a moment after it starts. */
    private static void endKeycloakSessions(TestStack.Account account) throws InterruptedException {
        KeycloakAdmin admin = TestStack.get().stack().admin();
        String listing = "/admin/realms/" + Keycloak.REALM + "/users/" + account.id() + "/sessions";
        JsonNode sessions = admin.read(listing);
        for (int wait = 0; wait < 50 && sessions.isEmpty(); wait++) {
            Thread.sleep(100);
            sessions = admin.read(listing);
        }
        assertFalse(sessions.isEmpty(), "Keycloak lists the session");
        sessions.forEach(session -> admin.delete("/admin/realms/" + Keycloak.REALM + "/sessions/"
                + session.get("id").asText()));
    }

    /** The address of Keycloak's sign-in that the gateway sends a browser to (after its cookie check). */
    private URI authorizationRequest(Browser browser) {
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/")), SignedIn::isKeycloak);
        return Browser.location(toKeycloak);
    }
}
