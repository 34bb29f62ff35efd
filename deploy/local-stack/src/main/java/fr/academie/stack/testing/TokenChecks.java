package fr.academie.stack.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The token checks every resource server must pass, against one of its protected endpoints: a real
 * {@code portail} token is accepted; no token, an expired one, one without the service's audience
 * (issued to Pronote) and one signed by another realm are refused with 401. Health, metrics and
 * OpenAPI answer without a token.
 */
public abstract class TokenChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A protected endpoint of the service under test that answers 200 to Léna. */
    protected abstract URI protectedUri();

    @Test
    void aPortailTokenOfTheRealmIsAccepted() {
        assertEquals(200, status(TestStack.get().accessToken("lmartin")));
    }

    @Test
    void aCallWithoutTokenIsRefused() {
        assertEquals(401, status(null));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        TestStack.ShortLivedToken token = TestStack.get().shortLivedToken("lmartin");
        assertEquals(200, status(token.value()), "accepted while still valid");
        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), token.expires()).toMillis()) + 1500);
        assertEquals(401, status(token.value()), "refused once expired");
    }

    @Test
    void aTokenWithoutThisServicesAudienceIsRefused() {
        assertEquals(401, status(TestStack.get().accessToken("pronote", "lmartin")));
    }

    @Test
    void aTokenSignedByAnotherRealmIsRefused() {
        assertEquals(401, status(TestStack.get().foreignToken()));
    }

    @Test
    void healthMetricsAndOpenApiAnswerWithoutAToken() {
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
            assertEquals(200, status(protectedUri().resolve(path), null), path);
        }
    }

    private int status(String token) {
        return status(protectedUri(), token);
    }

    private static int status(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
