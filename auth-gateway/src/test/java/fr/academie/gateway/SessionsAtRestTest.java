package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

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

    @Test
    void theDatabaseHoldsNeitherTheCookieNorAReadableToken() throws Exception {
        TestStack.Account teacher = TestStack.get().newAccount("personnel", "enseignant");
        Browser browser = SignedIn.as(gateway, teacher.username());
        String reference = browser.cookies().get("q_session");
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(reference.getBytes(StandardCharsets.US_ASCII));
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
}
