package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.KeycloakAdmin;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FranceConnect / AgentConnect brokering, proven with a second realm of the same Keycloak standing in for the
 * external provider: the realm's {@code franceconnect} provider is pointed at it for this class only. A person known
 * to the académie (same verified address) is linked to their account and lands in the portal; anyone else is
 * refused with a French message, and no account is created.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class BrokeringTest {

    private static final String PROVIDER_REALM = "franceconnect-essai";
    private static final String PROVIDER_PATH = "/admin/realms/" + Keycloak.REALM + "/identity-provider/instances/franceconnect";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROVIDER_LINK = Pattern.compile("id=\"social-franceconnect\"[^>]*href=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI gateway;

    private static JsonNode providerAsShipped;

    /** The stand-in provider's realm, and the académie realm's provider pointed at it (enabled, as ops would). */
    @BeforeAll
    static void standInForFranceConnect() {
        TestStack stack = TestStack.get();
        KeycloakAdmin admin = stack.stack().admin();
        String keycloak = stack.stack().keycloak().baseUrl();
        if (!admin.realmExists(PROVIDER_REALM)) {
            ObjectNode realm = JSON.createObjectNode().put("realm", PROVIDER_REALM).put("enabled", true);
            realm.putArray("clients").addObject().put("clientId", "academie").put("secret", "secret-essai")
                    .put("publicClient", false).put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false)
                    .putArray("redirectUris").add(keycloak + "/realms/" + Keycloak.REALM + "/broker/franceconnect/endpoint");
            admin.createRealm(realm);
        }
        providerAsShipped = admin.read(PROVIDER_PATH);
        ObjectNode provider = providerAsShipped.deepCopy();
        provider.put("enabled", true);
        String issuer = keycloak + "/realms/" + PROVIDER_REALM;
        ((ObjectNode) provider.get("config")).put("issuer", issuer)
                .put("authorizationUrl", issuer + "/protocol/openid-connect/auth")
                .put("tokenUrl", issuer + "/protocol/openid-connect/token")
                .put("userInfoUrl", issuer + "/protocol/openid-connect/userinfo")
                .put("jwksUrl", issuer + "/protocol/openid-connect/certs").put("useJwksUrl", "true")
                .put("validateSignature", "true").put("clientId", "academie").put("clientSecret", "secret-essai")
                .put("defaultScope", "openid email profile");
        admin.update(PROVIDER_PATH, provider);
    }

    @AfterAll
    static void backAsShipped() {
        TestStack.get().stack().admin().update(PROVIDER_PATH, providerAsShipped);
    }

    @Test
    void aPersonWithAnAcademieAccountIsLinkedByVerifiedAddressAndLandsInThePortal() throws IOException {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        providerUser("fc-" + account.username(), account.email());

        Browser browser = new Browser();
        HttpResponse<String> landed = signInThroughTheProvider(browser, "fc-" + account.username());

        assertEquals(gateway.getAuthority(), landed.uri().getAuthority(), "in the portal: " + landed.body());
        assertEquals(200, landed.statusCode());
        JsonNode me = JSON.readTree(browser.get(gateway.resolve("/api/me")).body());
        assertEquals(account.username(), me.get("username").asText(), "the académie account, not a new one");
        JsonNode links = TestStack.get().stack().admin().read("/admin/realms/" + Keycloak.REALM + "/users/" + account.id()
                + "/federated-identity");
        assertEquals("franceconnect", links.get(0).get("identityProvider").asText(), links.toString());
    }

    @Test
    void aPersonWithoutAnAccountIsRefusedAndNothingIsCreated() {
        String username = "inconnu-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.fr";
        providerUser(username, email);

        HttpResponse<String> refused = signInThroughTheProvider(new Browser(), username);

        assertTrue(SignedIn.isKeycloak(refused.uri()), "stays on Keycloak's page: " + refused.uri());
        assertTrue(refused.body().contains("Aucun compte de l&#39;académie ne correspond")
                || refused.body().contains("Aucun compte de l'académie ne correspond"), refused.body());
        assertEquals(0, TestStack.get().stack().admin().read("/admin/realms/" + Keycloak.REALM + "/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)).size(), "brokering creates no account");
    }

    /** Portal → académie login page → "FranceConnect / AgentConnect" → the provider's form → back. */
    private HttpResponse<String> signInThroughTheProvider(Browser browser, String providerUsername) {
        HttpResponse<String> loginPage = SignedIn.loginPage(gateway, browser);
        Matcher link = PROVIDER_LINK.matcher(loginPage.body());
        assertTrue(link.find(), "the login page offers the provider: " + loginPage.body());
        HttpResponse<String> providerPage = browser.follow(browser.get(loginPage.uri().resolve(link.group(1).replace("&amp;", "&"))));
        assertTrue(providerPage.uri().getPath().contains("/realms/" + PROVIDER_REALM + "/"), providerPage.uri().toString());
        assertFalse(providerPage.body().contains("social-franceconnect"));
        return browser.follow(browser.submitLogin(providerPage, providerUsername, DemoAccounts.PASSWORD));
    }

    private static void providerUser(String username, String email) {
        ObjectNode users = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        ObjectNode user = users.putArray("users").addObject().put("username", username).put("email", email)
                .put("emailVerified", true).put("firstName", "Camille").put("lastName", "Essai").put("enabled", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", DemoAccounts.PASSWORD)
                .put("temporary", false);
        TestStack.get().stack().admin().partialImport(PROVIDER_REALM, users);
    }
}
