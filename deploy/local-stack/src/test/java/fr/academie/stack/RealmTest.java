package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm file, imported into the real Keycloak, behaves as DESIGN.md says. */
class RealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestStack stack = TestStack.get();

    @ParameterizedTest
    @ValueSource(strings = {"cdurand", "pleroy", "admin"})
    void aSensitiveProfileIsSentToOtpEnrolmentAtFirstSignIn(String username) {
        HttpResponse<String> afterPassword = signInToPortail(username);
        assertEquals(200, afterPassword.statusCode(), "a page, not the way back to the portal");
        assertTrue(afterPassword.body().contains("kc-totp-settings"), "the OTP enrolment page");
        assertTrue(afterPassword.body().contains("FreeOTP"), "it names the apps that work");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lmartin", "sbenali", "nmoreau"})
    void anotherProfileGoesStraightBackWithoutOtp(String username) {
        HttpResponse<String> afterPassword = signInToPortail(username);
        assertTrue(Browser.isRedirect(afterPassword));
        assertTrue(Browser.location(afterPassword).toString().startsWith(stack.client("portail").redirectUri() + "?"));
        assertTrue(Browser.location(afterPassword).getQuery().contains("code="));
    }

    /** The password hash costs 20–55 ms depending on the JIT's choices, 20–25 ms compiled whole: {@link Keycloak#ARGON2_INLINED}. */
    @Test
    void keycloakRunsWithThePasswordHashCompiledWhole() throws IOException {
        long jvm = stack.stack().keycloak().process().jvmPid();
        String command = new String(Files.readAllBytes(Path.of("/proc/" + jvm + "/cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
        assertTrue(command.contains("QuarkusEntryPoint") && command.contains(Keycloak.ARGON2_INLINED), command);
    }

    @Test
    void theSignInAcceptsTheEmailAddressAndIgnoresCase() {
        HttpResponse<String> afterPassword = signInToPortail("Lena.Martin@AC-ORLEANS-TOURS.FR");
        assertTrue(Browser.isRedirect(afterPassword) && Browser.location(afterPassword).getQuery().contains("code="));
    }

    @Test
    void theLoginPageCarriesTheAcademieTitleAndTheIdentifierHintInFrench() {
        HttpResponse<String> loginPage = loginPage(new Browser());
        assertEquals(200, loginPage.statusCode());
        String body = loginPage.body();
        assertTrue(body.contains("<title>Connexion – Portail agents – ac-orleans-tours.fr</title>"), body);
        assertTrue(body.contains("identifiant : initiale du prénom + nom (ex. lmartin) ou adresse @ac-orleans-tours.fr"),
                "the identifier hint");
        assertTrue(body.contains("Identifiant ou adresse électronique académique"), "the field's label");
    }

    @Test
    void theSignInPagesSpeakFrenchWhateverTheBrowsersLanguageUnlessThePersonChoosesEnglish() {
        Browser browser = new Browser();
        URI signIn = new Tokens(stack.realmUrl()).authorizationUri(stack.client("portail"), Tokens.challenge(Tokens.random()));
        HttpResponse<String> english = browser.get(signIn, Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertTrue(english.body().contains("<title>Connexion – Portail agents – ac-orleans-tours.fr</title>")
                && english.body().contains("Se connecter"), "a browser set up in English gets the French page");
        assertTrue(english.body().contains("<html class=\"login-pf\" lang=\"fr\""), "and says so");

        Matcher menu = Pattern.compile("\"([^\"]*kc_locale=en[^\"]*)\"").matcher(english.body());
        assertTrue(menu.find(), "the language menu offers English: " + english.body());
        HttpResponse<String> chosen = browser.get(english.uri().resolve(menu.group(1).replace("&amp;", "&")),
                Map.of("Accept-Language", "fr-FR"));
        assertTrue(chosen.body().contains("<title>Sign in – Portail agents – ac-orleans-tours.fr</title>"),
                "English stays a choice of the language menu: " + chosen.body());
    }

    @Test
    void everySignInPageLeadsToThePortalsHelp() {
        String body = loginPage(new Browser()).body();
        Matcher help = Pattern.compile("id=\"academie-assistance\"[^>]*>\\s*Un problème pour vous connecter \\? "
                + "<a href=\"([^\"]+)\">Assistance et diagnostic de connexion</a>").matcher(body);
        assertTrue(help.find(), body);
        assertEquals("http://localhost:8080/assistance", help.group(1), "the portal's address: the portail client's base URL");
    }

    @Test
    void aWrongPasswordAndAnUnknownIdentifierGetTheSameAnswer() {
        String wrongPassword = message(submit("sbenali", "Mauvais-Mot-De-Passe-1"));
        String unknownIdentifier = message(submit("personne-inconnue", "Mauvais-Mot-De-Passe-1"));
        assertEquals("Identifiant ou mot de passe incorrect. Vérifiez votre saisie (attention aux majuscules) puis "
                + "réessayez.", wrongPassword);
        assertEquals(wrongPassword, unknownIdentifier, "nothing tells which part was wrong");
    }

    private HttpResponse<String> loginPage(Browser browser) {
        Tokens.Client portail = stack.client("portail");
        return browser.get(new Tokens(stack.realmUrl()).authorizationUri(portail, Tokens.challenge(Tokens.random())));
    }

    private HttpResponse<String> submit(String username, String password) {
        Browser browser = new Browser();
        HttpResponse<String> refused = browser.submitLogin(loginPage(browser), username, password);
        assertEquals(200, refused.statusCode());
        return refused;
    }

    /** The error shown under the identifier field, unescaped. */
    private static String message(HttpResponse<String> page) {
        Matcher error = Pattern.compile("id=\"input-error-username\"[^>]*>\\s*<span[^>]*>\\s*([^<]+?)\\s*</span>")
                .matcher(page.body());
        assertTrue(error.find(), page.body());
        return error.group(1).replace("&#39;", "'");
    }

    @Test
    void aPortailAccessTokenCarriesTheThreeServiceAudiencesTheRolesAndTheUai() {
        JsonNode claims = claims(stack.accessToken("lmartin"));
        List<String> audiences = new ArrayList<>();
        claims.get("aud").forEach(aud -> audiences.add(aud.asText()));
        assertTrue(audiences.containsAll(List.of("mail-service", "iprof-service", "colibris-service")), audiences::toString);
        assertEquals("0450042K", claims.get("uai").asText());
        assertEquals(DemoAccounts.id("lmartin"), claims.get("sub").asText());
        List<String> roles = new ArrayList<>();
        claims.get("realm_access").get("roles").forEach(role -> roles.add(role.asText()));
        assertTrue(roles.containsAll(List.of("personnel", "enseignant")), roles::toString);
        assertFalse(roles.contains("otp-requis"));
    }

    @Test
    void aPronoteTokenCarriesNoServiceAudience() {
        String aud = claims(stack.accessToken("pronote", "lmartin")).path("aud").toString();
        assertFalse(aud.contains("mail-service") || aud.contains("iprof-service") || aud.contains("colibris-service"), aud);
    }

    @Test
    void theMailClientsTokenIsForTheMailServiceOnlyFromAPublicClientWithPkce() {
        JsonNode client = stack.stack().admin().client(Keycloak.REALM, "messagerie");
        assertTrue(client.get("publicClient").asBoolean(), "a desktop or phone program keeps no secret");
        assertEquals("S256", client.get("attributes").get("pkce.code.challenge.method").asText());
        String aud = claims(stack.accessToken("messagerie", "lmartin")).path("aud").toString();
        assertTrue(aud.contains("mail-service") && !aud.contains("iprof-service") && !aud.contains("colibris-service"), aud);
    }

    @Test
    void theNotifierServiceAccountMayPostToTheMailService() {
        HttpResponse<String> response = new Browser().postForm(tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", "colibris-notifier", "client_secret", stack.client("colibris-notifier").secret()));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claims = claims(read(response.body()).get("access_token").asText());
        assertEquals("notifier", claims.get("resource_access").get("mail-service").get("roles").get(0).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"portail", "portail-admin", "portail-notifier", "pronote", "educonnect", "messagerie",
            "colibris-notifier", "mail-service", "iprof-service", "colibris-service"})
    void noShippedClientAllowsThePasswordGrant(String clientId) {
        JsonNode client = stack.stack().admin().client(Keycloak.REALM, clientId);
        assertFalse(client.get("directAccessGrantsEnabled").asBoolean(), clientId);
        String secret = client.path("publicClient").asBoolean() ? "" : stack.stack().admin().clientSecret(Keycloak.REALM, clientId);
        HttpResponse<String> response = new Browser().postForm(tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", clientId, "client_secret", secret, "username", "lmartin", "password", DemoAccounts.PASSWORD));
        assertNotEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("access_token"));
    }

    @Test
    void aWeakPasswordIsRefusedByThePolicy() {
        HttpResponse<String> response = stack.stack().admin().resetPassword(Keycloak.REALM, DemoAccounts.id("nmoreau"),
                "court1!A");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().toLowerCase().contains("invalid"), response.body());
    }

    private HttpResponse<String> signInToPortail(String username) {
        Browser browser = new Browser();
        Tokens.Client portail = stack.client("portail");
        HttpResponse<String> loginPage = browser.get(new Tokens(stack.realmUrl())
                .authorizationUri(portail, Tokens.challenge(Tokens.random())));
        return browser.follow(browser.submitLogin(loginPage, username, DemoAccounts.PASSWORD),
                uri -> uri.toString().startsWith(portail.redirectUri()));
    }

    private URI tokenEndpoint() {
        return URI.create(stack.realmUrl() + "/protocol/openid-connect/token");
    }

    private static JsonNode claims(String jwt) {
        return read(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
