package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            "portail", new Expected(IDENTITY + " email email_verified uai realm_access acr allowed-origins",
                    Set.of("personnel", "enseignant")),
            "pronote", new Expected(IDENTITY + " email email_verified uai realm_access", Set.of("personnel", "enseignant")),
            "educonnect", new Expected(IDENTITY, Set.of()),
            "messagerie", new Expected(IDENTITY + " email email_verified", Set.of()));

    /**
     * The account page tells each person, in French, what these applications receive (the client attribute
     * {@code portail.receives}): every client a person signs in to has that text, and it names her address, her
     * school and her roles exactly when the tokens carry them.
     */
    @Test
    void theAccountPageSaysWhatEachApplicationReceivesAsItsTokensDo() throws IOException {
        JsonNode realm;
        try (var in = Stack.class.getResourceAsStream("/stack/realm-ac-orleans-tours.json")) {
            realm = JSON.readTree(in);
        }
        Set<String> signedInto = new TreeSet<>();
        for (JsonNode client : realm.path("clients")) {
            String text = client.path("attributes").path("portail.receives").asText(null);
            if (!client.path("standardFlowEnabled").asBoolean(true)) {
                assertEquals(null, text, client.path("clientId").asText() + ": no person signs in to it");
                continue;
            }
            String clientId = client.path("clientId").asText();
            signedInto.add(clientId);
            Expected expected = RECEIVES.get(clientId);
            assertTrue(text != null && text.startsWith("Votre identité (nom, prénom, identifiant)"), clientId + ": " + text);
            assertEquals(expected.claims().contains("email"), text.contains("adresse électronique"), clientId + ": " + text);
            assertEquals(expected.claims().contains("uai"), text.contains("établissement (UAI)"), clientId + ": " + text);
            assertEquals(!expected.roles().isEmpty(), text.contains("rôles"), clientId + ": " + text);
        }
        assertEquals(new TreeSet<>(RECEIVES.keySet()), signedInto);
    }

    @ParameterizedTest
    @ValueSource(strings = {"portail", "pronote", "educonnect", "messagerie"})
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
        claims.removeAll(Set.of("realm_access", "allowed-origins")); // Keycloak writes these in access tokens only
        assertEquals(claims, names(claims(response.get("id_token").asText())), clientId + "'s ID token");
    }

    /** Each service account's token holds the client roles its work needs ("client=role role|…"), no realm role. */
    @ParameterizedTest
    @CsvSource({"portail-notifier, mail-service=comptes notifier",
            "colibris-notifier, mail-service=notifier|realm-management=query-users view-realm view-users",
            "portail-admin, realm-management=manage-users query-users view-events view-users",
            "mail-service, realm-management=query-users view-users"})
    void eachServiceAccountReceivesItsOwnRolesOnly(String clientId, String expected) {
        TestStack stack = TestStack.get();
        HttpResponse<String> response = new Browser().postForm(URI.create(stack.realmUrl()
                + "/protocol/openid-connect/token"), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", stack.client(clientId).secret()));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claims;
        try {
            claims = claims(JSON.readTree(response.body()).get("access_token").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> roles = new TreeMap<>();
        for (String part : expected.split("\\|")) {
            roles.put(part.split("=")[0], Set.of(part.split("=")[1].split(" ")));
        }
        assertEquals(roles.keySet(), names(claims.path("resource_access")), clientId + ": whose roles");
        roles.forEach((resource, needed) -> {
            Set<String> held = new TreeSet<>();
            claims.path("resource_access").path(resource).path("roles").forEach(role -> held.add(role.asText()));
            assertTrue(held.containsAll(needed), clientId + ": " + held);
            assertTrue(held.stream().allMatch(role -> needed.contains(role) || role.startsWith("query-")),
                    clientId + " holds only its roles (and the query roles they include): " + held);
        });
        assertTrue(claims.path("realm_access").path("roles").isEmpty(), clientId + ": no realm role");
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
