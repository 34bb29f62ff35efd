package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each application of the realm receives about Léna, read from real tokens of that application: the claims of
 * the README's table "what each application receives", nothing more (the protocol's own claims aside), and only the
 * roles it needs.
 */
class ApplicationClaimsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The protocol's own claims: who issued the token, to whom, when, for which session. */
    private static final Set<String> PROTOCOL = Set.of("exp", "iat", "auth_time", "jti", "iss", "aud", "sub", "typ",
            "azp", "sid", "session_state", "scope", "nonce", "at_hash", "nbf");
    private static final String IDENTITY = "family_name given_name name preferred_username";

    /** Per application: the claims of its tokens (roles in the access token only), and the realm roles it may see. */
    private record Expected(String claims, Set<String> roles) {
    }

    private static final Map<String, Expected> RECEIVES = Map.of(
            "pronote", new Expected(IDENTITY + " email email_verified uai realm_access", Set.of("personnel", "enseignant")),
            "educonnect", new Expected(IDENTITY, Set.of()),
            "messagerie", new Expected(IDENTITY + " email email_verified", Set.of()));

    @ParameterizedTest
    @ValueSource(strings = {"pronote", "educonnect", "messagerie"})
    void eachApplicationReceivesWhatItNeedsAndNothingElse(String clientId) {
        TestStack stack = TestStack.get();
        JsonNode response = new Tokens(stack.realmUrl()).signIn(stack.client(clientId), "lmartin", DemoAccounts.PASSWORD);
        Expected expected = RECEIVES.get(clientId);
        JsonNode access = claims(response.get("access_token").asText());
        Set<String> claims = new TreeSet<>(Set.of(expected.claims().split(" ")));
        assertEquals(claims, names(access), clientId + "'s access token");
        Set<String> roles = new TreeSet<>();
        access.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        assertEquals(new TreeSet<>(expected.roles()), roles, clientId + ": only the roles it needs");
        claims.remove("realm_access"); // Keycloak writes roles in access tokens only
        assertEquals(claims, names(claims(response.get("id_token").asText())), clientId + "'s ID token");
    }

    private static Set<String> names(JsonNode claims) {
        Set<String> names = new TreeSet<>();
        claims.fieldNames().forEachRemaining(name -> {
            if (!PROTOCOL.contains(name)) {
                names.add(name);
            }
        });
        return names;
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
