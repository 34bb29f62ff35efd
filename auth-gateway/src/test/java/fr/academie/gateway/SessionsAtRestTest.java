package fr.academie.gateway;

import fr.academie.gateway.session.SessionStore;
import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sessions as the gateway's database holds them: found by the reference's hash, the tokens encrypted. (Two
 * replicas sharing them: deploy/e2e's TwoGatewaysTest, where both gateways run from their jars.)
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class SessionsAtRestTest {

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    SessionStore sessions;

    @Test
    void theDatabaseHoldsNeitherTheCookieNorAReadableToken() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        String reference = browser.cookies().get("q_session");
        byte[] hash = sha256(reference);
        try (Connection connection = DriverManager.getConnection(TestStack.get().stack().jdbcUrl("gateway"), "gateway", "");
             PreparedStatement select = connection.prepareStatement(
                     "select subject, tokens, key_id from gateway_session where reference_hash = ?")) {
            select.setBytes(1, hash);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "her session is found by the reference's hash");
                assertEquals(teacher.id(), row.getString("subject"));
                String tokens = new String(row.getBytes("tokens"), StandardCharsets.ISO_8859_1);
                assertFalse(tokens.contains("eyJ"), "no JWT in clear");
                assertFalse(tokens.contains(reference), "nor the cookie");
                assertEquals(16, row.getString("key_id").length());
            }
        }
    }

    @Test
    void aSessionIsDeletedADayPastItsEnd() throws Exception {
        String ended = SignedIn.as(gateway, TestStack.get().newAccount("personnel").username()).cookies().get("q_session");
        String endedToday = SignedIn.as(gateway, TestStack.get().newAccount("personnel").username()).cookies().get("q_session");
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(TestStack.get().stack().jdbcUrl("gateway"), "gateway", "");
             PreparedStatement end = connection.prepareStatement(
                     "update gateway_session set expires_at = ? where reference_hash = ?")) {
            end.setObject(1, now.minus(Duration.ofHours(25)).atOffset(ZoneOffset.UTC));
            end.setBytes(2, sha256(ended));
            assertEquals(1, end.executeUpdate());
            end.setObject(1, now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
            end.setBytes(2, sha256(endedToday));
            assertEquals(1, end.executeUpdate());
        }
        assertTrue(sessions.find(endedToday).isEmpty(), "an ended session is refused at once");
        assertTrue(sessions.deleteEnded(now) >= 1);
        assertEquals(0, rows(ended), "ended more than a day ago: deleted");
        assertEquals(1, rows(endedToday), "ended an hour ago: deleted later");
    }

    private static int rows(String reference) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestStack.get().stack().jdbcUrl("gateway"), "gateway", "");
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from gateway_session where reference_hash = ?")) {
            count.setBytes(1, sha256(reference));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static byte[] sha256(String reference) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(reference.getBytes(StandardCharsets.US_ASCII));
    }
}
