package fr.academie.stack.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token checks every resource server must pass, against one of its protected endpoints: a real
 * {@code portail} token is accepted; no token, an expired one, one without the service's audience
 * (issued to Pronote) and one signed by another realm are refused with 401, and so is every forgery of
 * OWASP ASVS's list; a key rotation in Keycloak needs no restart. Health, metrics and OpenAPI answer without a
 * token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

    /** OWASP ASVS: a forged header or signature never passes, whatever the header asks the server to trust. */
    @TestFactory
    Stream<DynamicTest> forgedTokensAreRefused() {
        ForgedTokens forged = new ForgedTokens(TestStack.get().accessToken("lmartin"));
        String publicKey = ForgedTokens.publicKeyPem(TestStack.get().jwks());
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none, no signature", forged.unsigned());
        attacks.put("HS256 keyed with the realm's public key", forged.hmacWithThePublicKey(publicKey));
        attacks.put("a key id the realm never published", forged.unknownKeyId());
        attacks.put("the signing key embedded in the header (jwk)", forged.embeddedKey());
        attacks.put("a remote key set named in the header (jku, x5u)", forged.remoteKeySet());
        attacks.put("another issuer written into the claims", forged.tamperedClaim("iss", "https://attaquant.example/realms/x"));
        attacks.put("this audience written into another app's token",
                new ForgedTokens(TestStack.get().accessToken("pronote", "lmartin")).tamperedClaim("aud", audience()));
        return attacks.entrySet().stream().map(attack -> DynamicTest.dynamicTest(attack.getKey(),
                () -> assertEquals(401, status(attack.getValue()), attack.getKey())));
    }

    /**
     * After Keycloak starts signing with a new key, a token signed with it is accepted without restarting the
     * service: the service fetches the key set again on a key id it does not know (at most once a minute, so
     * the test allows that long).
     */
    @Test
    @Order(1)
    void afterKeycloakRotatesItsSigningKeyNewTokensAreAcceptedWithoutRestart() throws InterruptedException {
        String newKey = TestStack.get().rotateSigningKey();
        String token = TestStack.get().accessToken("lmartin");
        assertTrue(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0])).contains(newKey),
                "the new token is signed with the new key");
        Instant deadline = Instant.now().plusSeconds(70);
        int status = status(token);
        while (status != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            status = status(token);
        }
        assertEquals(200, status);
    }

    /** The audience this service requires (its client id). */
    protected abstract String audience();

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
