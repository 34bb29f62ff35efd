package fr.academie.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway replicas from their jars, sharing the database, as the production overlay runs them behind an ingress
 * without affinity (the reliability suite's "two gateways"): a session made on one is served by the other, survives the
 * other's crash and restart, its tokens are renewed once for calls arriving on both, and a back-channel logout received
 * by one ends it on both within a second or so.
 */
class TwoGatewaysTest {

    /** The first replica, the one the realm points at (its sign-ins, its back-channel logouts); the second beside it. */
    private final URI gateway = URI.create(TestStack.get().gateway(Map.of()));

    @Test
    void aSessionMadeOnOneReplicaIsServedByTheOtherAndSurvivesItsRestart() {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        URI replica = URI.create(TestStack.get().gatewayReplica());
        assertEquals(teacher.username(), username(browser.get(replica.resolve("/api/me"))), "the other replica serves it");

        TestStack.get().restartGatewayReplica(); // kill -9, then a start: its memory is gone
        assertEquals(teacher.username(), username(browser.get(replica.resolve("/api/me"))), "nobody signed out");
        assertEquals(200, browser.get(replica.resolve("/")).statusCode(), "a page too, without a trip to Keycloak");
    }

    @Test
    void aBackChannelLogoutReceivedByOneReplicaEndsTheSessionOnBoth() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        URI replica = URI.create(TestStack.get().gatewayReplica());
        assertEquals(200, browser.get(replica.resolve("/api/me")).statusCode());

        // Keycloak ends her sessions and tells the gateway it knows (the replica under test) through the back channel
        TestStack.get().stack().admin().create("/admin/realms/ac-orleans-tours/users/" + teacher.id() + "/logout",
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        Instant loggedOut = Instant.now();
        assertEquals(401, browser.get(gateway.resolve("/api/me")).statusCode(), "refused where it was received");
        int status = 200;
        while (status == 200 && Duration.between(loggedOut, Instant.now()).toMillis() < 5_000) {
            status = browser.get(replica.resolve("/api/me")).statusCode();
            Thread.sleep(100);
        }
        Duration took = Duration.between(loggedOut, Instant.now());
        assertEquals(401, status, "refused on the other replica too");
        assertTrue(took.toMillis() < 2_000, "within the replicas' one-second memory (and the test's margin): " + took);
    }

    @Test
    void callsOnBothReplicasNearTokenExpiryCauseOneRefresh() throws Exception {
        ExecutorService tabs = Executors.newFixedThreadPool(8);
        try {
            TestStack.get().countingRefreshes(75, () -> {
                URI replica = URI.create(TestStack.get().gatewayReplica());
                TestStack.Account account = TestStack.get().newAccount("personnel");
                Map<String, String> session = SignedIn.as(gateway, account.username()).cookies();
                Thread.sleep(17_000); // the tokens now expire within the minute: the next call renews them

                List<Future<Integer>> calls = new ArrayList<>();
                for (int tab = 0; tab < 8; tab++) {
                    Browser browser = new Browser(); // each with the session cookie, half on each replica, all at once
                    session.forEach(browser::setCookie);
                    URI where = (tab % 2 == 0 ? gateway : replica).resolve("/api/me");
                    calls.add(tabs.submit(() -> browser.get(where).statusCode()));
                }
                for (Future<Integer> call : calls) {
                    assertEquals(200, call.get());
                }
                JsonNode refreshes = TestStack.get().refreshes(account);
                assertEquals(1, refreshes.size(), "one refresh for 8 calls on two replicas: " + refreshes);
            });
        } finally {
            tabs.shutdownNow();
        }
    }

    private static String username(HttpResponse<String> me) {
        assertEquals(200, me.statusCode(), me::body);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(me.body()).path("username").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
