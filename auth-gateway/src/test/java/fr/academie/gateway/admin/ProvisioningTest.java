package fr.academie.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.stack.testing.SignedIn;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Account provisioning by the académie's administrator ({@code admin}, with an OTP) against the real Keycloak: one
 * account from the form, then its first sign-in (temporary password, forced change, mailbox there); a file in a dry
 * run, then for real, then again (nothing new); disable, enable, OTP reset, unlock; and every change in the audit
 * log. Everyone else is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class ProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1",
            "Content-Type", "application/json");
    private static final String NEW_PASSWORD = "Nouveau-Mot-2026!";
    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    @TestHTTPResource("/")
    URI gateway;

    /** Signed in once for the class: each sign-in of this OTP account waits for a fresh 30-second code. */
    private static Browser admin;

    @BeforeEach
    void signInAsTheAdministrator() {
        if (admin == null) {
            admin = SignedIn.as(gateway, "admin");
        }
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/admin/accounts", "GET, /api/admin/accounts?q=martin", "GET, /api/admin/accounts/" + NOBODY,
            "POST, /api/admin/accounts/import", "POST, /api/admin/accounts/" + NOBODY + "/disable",
            "POST, /api/admin/accounts/" + NOBODY + "/enable", "POST, /api/admin/accounts/" + NOBODY + "/otp-reset",
            "POST, /api/admin/accounts/" + NOBODY + "/unlock", "GET, /api/admin/audit"})
    void withoutASessionEveryAdminCallAnswers401AndWithoutTheRole403(String method, String path) {
        given().header(RequestGuard.CSRF_HEADER, "1").contentType(path.endsWith("import") ? "text/csv" : "application/json")
                .body("{}").when().request(method, path)
                .then().statusCode(401).body("type", is("urn:portail:unauthenticated"));

        Browser teacher = SignedIn.as(gateway, "lmartin");
        HttpResponse<String> refused = teacher.send(method, gateway.resolve(path), Map.of(RequestGuard.CSRF_HEADER, "1",
                "Content-Type", path.endsWith("import") ? "text/csv" : "application/json"), "{}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("urn:portail:forbidden", json(refused).get("type").asText());
    }

    @Test
    void aNewTeacherGetsTheNextFreeIdentifierSignsInWithTheTemporaryPasswordAndFindsHerMailbox() {
        HttpResponse<String> answer = post("/api/admin/accounts", """
                {"firstName": "  Léna ", "lastName": "Martin", "uai": "0450042k", "birthDate": "21/03/1984",
                 "roles": ["enseignant"]}""");

        assertEquals(201, answer.statusCode(), answer.body());
        JsonNode created = json(answer);
        String identifier = created.get("identifier").asText();
        assertTrue(identifier.matches("lmartin[0-9]+"), "lmartin is Léna's: the newcomer gets a number, not " + identifier);
        assertTrue(created.get("email").asText().matches("lena\\.martin[0-9]+@ac-orleans-tours\\.fr"), created.toString());
        String temporary = created.get("temporaryPassword").asText();
        assertTrue(temporary.length() >= 12 && temporary.matches(".*[A-Z].*") && temporary.matches(".*[a-z].*")
                && temporary.matches(".*[0-9].*") && temporary.matches(".*[^A-Za-z0-9].*"), "meets the realm's policy");
        assertEquals(List.of("UPDATE_PASSWORD"), strings(created.get("requiredActions")));
        String id = created.get("id").asText();
        assertEquals("/api/admin/accounts/" + id, answer.headers().firstValue("Location").map(URI::create)
                .map(URI::getPath).orElseThrow());

        JsonNode account = json(admin.get(gateway.resolve("/api/admin/accounts/" + id)));
        assertEquals(List.of("enseignant", "personnel"), strings(account.get("roles")));
        assertEquals("0450042K", account.get("uai").asText());
        assertEquals("1984-03-21", account.get("birthDate").asText(), "kept as « Mot de passe oublié ? » compares it");
        assertTrue(account.get("enabled").asBoolean());
        assertFalse(account.get("otpConfigured").asBoolean());

        Browser newcomer = firstSignIn(identifier, temporary);
        JsonNode me = json(newcomer.get(gateway.resolve("/api/me")));
        assertEquals(identifier, me.get("username").asText());
        JsonNode folders = json(newcomer.get(gateway.resolve("/api/mail/folders")));
        assertTrue(folders.toString().contains("Boîte de réception"), "the mailbox is there from the first access: " + folders);

        JsonNode audit = json(admin.get(gateway.resolve("/api/admin/audit?action=CREATE&target=" + identifier)));
        assertEquals(1, audit.get("items").size(), audit.toString());
        JsonNode entry = audit.get("items").get(0);
        assertEquals("admin", entry.get("actor").asText());
        assertEquals(id, entry.get("targetId").asText());
        assertEquals("Création du compte", entry.get("actionLabel").asText());
    }

    @Test
    void aSensitiveProfileMustEnrolAnOtpAtItsFirstSignIn() {
        JsonNode created = json(post("/api/admin/accounts", """
                {"firstName": "Hélène", "lastName": "d'Aubigné", "roles": ["inspecteur"]}"""));

        assertTrue(created.get("identifier").asText().startsWith("hdaubigne"), created.toString());
        assertTrue(created.get("email").asText().startsWith("helene.daubigne"), created.toString());
        assertEquals(List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP"), strings(created.get("requiredActions")));
        firstSignIn(created.get("identifier").asText(), created.get("temporaryPassword").asText());
        JsonNode account = json(admin.get(gateway.resolve("/api/admin/accounts/" + created.get("id").asText())));
        assertTrue(account.get("otpConfigured").asBoolean(), "enrolled at the first sign-in");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"firstName\": \"Jean\", \"roles\": []}                                   | lastName | Le nom est obligatoire",
            "{\"firstName\": \"Jean\", \"lastName\": \"<b>Dupont</b>\"}                  | lastName | caractères interdits",
            "{\"firstName\": \"Jean\", \"lastName\": \"Dupont\", \"uai\": \"45042K\"}      | uai      | 7 chiffres puis une lettre",
            "{\"firstName\": \"Jean\", \"lastName\": \"Dupont\", \"roles\": [\"root\"]}    | roles    | Le rôle « root » n'existe pas",
            "{\"firstName\": \"Jean\", \"lastName\": \"Dupont\", \"roles\": [\"chef-etablissement\"]} | uai | l'UAI est obligatoire",
            "{\"firstName\": \"Jean\", \"lastName\": \"Dupont\", \"numen\": \"123\"}       | numen    | NUMEN « 123 » est invalide",
            "{\"firstName\": \"Jean\", \"lastName\": \"Dupont\", \"birthDate\": \"31/02/1984\"} | birthDate | JJ/MM/AAAA ou AAAA-MM-JJ",
            "{\"firstName\": \"Jean\", \"lastName\": \"Dupont\", \"birthDate\": \"2999-01-01\"} | birthDate | date de naissance « 2999-01-01 » est invalide"})
    void badInputIsA400NamingTheFieldAndCreatesNothing(String body, String field, String detail) {
        HttpResponse<String> refused = post("/api/admin/accounts", body);

        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode problem = json(refused);
        assertEquals(field, problem.get("field").asText());
        assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
        assertEquals(0, json(admin.get(gateway.resolve("/api/admin/accounts?q=jdupont"))).get("items").size());
    }

    @Test
    void aNumenThatAlreadyHasAnAccountIsAConflict() {
        String numen = numen();
        assertEquals(201, post("/api/admin/accounts", account("Paul", "Valéry", numen)).statusCode());

        HttpResponse<String> again = post("/api/admin/accounts", account("Paul", "Valery", numen));

        assertEquals(409, again.statusCode(), again.body());
        assertEquals("numen", json(again).get("field").asText());
        assertTrue(json(again).get("detail").asText().contains("pvalery"), again.body());
    }

    @Test
    void anImportIsDryRunFirstThenMadeThenIdempotent() {
        String curie1 = numen();
        String curie2 = numen();
        String file = "Prénom;Nom;NUMEN;UAI;Rôles\n"
                + "Marie;Curie;" + curie1 + ";0450042K;enseignant\n"
                + "Marie;Curie;" + curie2 + ";0370035M;enseignant\n"
                + "Pierre;Curie;" + curie1 + ";;\n"
                + "Irène;Joliot-Curie;" + numen() + ";45;\n"
                + "\"Ève\";\"Curie; dite « Labouisse »\";" + numen() + ";;\n"
                + ";Sans-Prénom;" + numen() + ";;\n";

        JsonNode dryRun = json(importFile(file, true));
        assertTrue(dryRun.get("dryRun").asBoolean());
        assertEquals(2, dryRun.get("created").asInt(), dryRun.toString());
        assertEquals(4, dryRun.get("invalid").asInt(), dryRun.toString());
        List<JsonNode> lines = items(dryRun.get("lines"));
        assertLine(lines.get(0), 2, "WOULD_CREATE");
        assertEquals("mcurie", lines.get(0).get("identifier").asText());
        assertLine(lines.get(1), 3, "WOULD_CREATE");
        assertEquals("mcurie2", lines.get(1).get("identifier").asText(), "the second Marie Curie of the file");
        assertEquals("marie.curie2@ac-orleans-tours.fr", lines.get(1).get("email").asText());
        assertLine(lines.get(2), 4, "INVALID");
        assertProblem(lines.get(2), "numen", "figure déjà ligne 2");
        assertLine(lines.get(3), 5, "INVALID");
        assertProblem(lines.get(3), "uai", "7 chiffres puis une lettre");
        assertLine(lines.get(4), 6, "INVALID");
        assertProblem(lines.get(4), "nom", "caractères interdits");
        assertLine(lines.get(5), 7, "INVALID");
        assertProblem(lines.get(5), "prenom", "Le prénom est obligatoire");
        assertEquals(0, json(admin.get(gateway.resolve("/api/admin/accounts?q=mcurie"))).get("items").size(),
                "a dry run makes nothing");

        JsonNode made = json(importFile(file, false));
        assertEquals(2, made.get("created").asInt(), made.toString());
        assertLine(items(made.get("lines")).get(0), 2, "CREATED");
        assertEquals("mcurie", items(made.get("lines")).get(0).get("identifier").asText());
        assertTrue(items(made.get("lines")).get(1).get("temporaryPassword").asText().length() >= 12);

        JsonNode again = json(importFile(file, false));
        assertEquals(0, again.get("created").asInt(), "the same file twice makes nothing new: " + again);
        assertEquals(2, again.get("existing").asInt());
        assertEquals("mcurie2", items(again.get("lines")).get(1).get("identifier").asText());
        assertNull(items(again.get("lines")).get(1).get("temporaryPassword").textValue());
        assertEquals(2, json(admin.get(gateway.resolve("/api/admin/accounts?q=mcurie"))).get("items").size());

        JsonNode imports = json(admin.get(gateway.resolve("/api/admin/audit?action=import&actor=ADMIN")));
        assertTrue(imports.get("items").get(0).get("detail").asText().startsWith("6 lignes : 0 créé, 2 déjà présents"),
                imports.toString());
    }

    /**
     * An account made before the date of birth was asked for gets it from the next import that gives it (so that
     * "Mot de passe oublié ?" can check it); one it already has is never changed by a file.
     */
    @Test
    void anImportGivesAnExistingAccountTheDateOfBirthItLacksAndNeverChangesOne() {
        String numen = numen();
        assertLine(items(json(importFile("prenom;nom;numen\nMarie;Sklodowska;" + numen + "\n", false)).get("lines")).get(0),
                2, "CREATED");
        String withDate = "prenom;nom;numen;date_naissance\nMarie;Sklodowska;" + numen + ";07/11/1967\n";
        JsonNode dryRun = json(importFile(withDate, true));
        assertEquals(1, dryRun.get("completed").asInt(), dryRun.toString());
        assertLine(items(dryRun.get("lines")).get(0), 2, "WOULD_COMPLETE");
        JsonNode made = json(importFile(withDate, false));
        assertLine(items(made.get("lines")).get(0), 2, "COMPLETED");
        String id = items(json(admin.get(gateway.resolve("/api/admin/accounts?q=msklodowska"))).get("items")).get(0)
                .get("id").asText();
        assertEquals("1967-11-07", json(admin.get(gateway.resolve("/api/admin/accounts/" + id))).get("birthDate").asText());
        JsonNode other = json(importFile("prenom;nom;numen;date_naissance\nMarie;Sklodowska;" + numen + ";08/11/1967\n", false));
        assertLine(items(other.get("lines")).get(0), 2, "EXISTING");
        assertEquals("1967-11-07", json(admin.get(gateway.resolve("/api/admin/accounts/" + id))).get("birthDate").asText(),
                "a file never changes a date the account has");
        JsonNode audit = json(admin.get(gateway.resolve("/api/admin/audit?action=birth_date&target=msklodowska")));
        assertEquals(1, audit.get("items").size(), audit.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                   | Le fichier est vide",
            "'prenom;nom;service\nA;B;C\n'       | Colonne inconnue « service »",
            "'prenom,nom,uai\nA,B,0450042K\n'    | La colonne « numen » manque",
            "'prenom;nom;numen\n\"A;B;C\n'       | n'est pas un CSV lisible"})
    void anUnreadableFileIsA400SayingWhy(String file, String detail) {
        HttpResponse<String> refused = importFile(file.replace("\\n", "\n"), true);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("fichier", json(refused).get("field").asText());
        assertTrue(json(refused).get("detail").asText().contains(detail), refused.body());
    }

    @Test
    void aWindows1252FileFromExcelKeepsItsAccents() {
        byte[] file = ("prenom;nom;numen\nAgnès;Varda;" + numen() + "\n").getBytes(Charset.forName("windows-1252"));

        given().cookies(admin.cookies()).header(RequestGuard.CSRF_HEADER, "1").contentType("text/csv").body(file)
                .when().post("/api/admin/accounts/import?dryRun=true")
                .then().statusCode(200).body("lines[0].firstName", is("Agnès")).body("lines[0].identifier", is("avarda"));
    }

    @Test
    void disablingEndsTheSessionsAndRefusesSignInUntilEnabledAgain() {
        JsonNode created = json(post("/api/admin/accounts", """
                {"firstName": "Louise", "lastName": "Michel", "roles": ["enseignant"]}"""));
        String id = created.get("id").asText();
        Browser louise = firstSignIn(created.get("identifier").asText(), created.get("temporaryPassword").asText());
        assertEquals(200, louise.get(gateway.resolve("/api/me")).statusCode());

        JsonNode disabled = json(post("/api/admin/accounts/" + id + "/disable", null));

        assertFalse(disabled.get("enabled").asBoolean());
        assertEquals(401, louise.get(gateway.resolve("/api/me")).statusCode(), "her session ended (back-channel logout)");
        Browser again = new Browser();
        HttpResponse<String> loginPage = SignedIn.loginPage(gateway, again);
        HttpResponse<String> refused = again.submitLogin(loginPage, created.get("identifier").asText(), NEW_PASSWORD);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("kc-form-login"), "the sign-in form again, not the portal");

        assertTrue(json(post("/api/admin/accounts/" + id + "/enable", null)).get("enabled").asBoolean());
        assertEquals(200, signIn(created.get("identifier").asText(), NEW_PASSWORD).get(gateway.resolve("/api/me")).statusCode());

        List<String> actions = items(json(admin.get(gateway.resolve("/api/admin/audit?target="
                + created.get("identifier").asText()))).get("items")).stream().map(entry -> entry.get("action").asText()).toList();
        assertEquals(List.of("ENABLE", "DISABLE", "CREATE"), actions, "newest first");
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() {
        String self = items(json(admin.get(gateway.resolve("/api/admin/accounts?q=admin"))).get("items")).stream()
                .filter(account -> account.get("identifier").asText().equals("admin")).findFirst().orElseThrow()
                .get("id").asText();

        HttpResponse<String> refused = post("/api/admin/accounts/" + self + "/disable", null);

        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("urn:portail:gateway:own-account", json(refused).get("type").asText());
    }

    @Test
    void resettingTheOtpKeyMakesTheSensitiveProfileEnrolAgain() {
        TestStack.Account inspector = TestStack.get().newAccount("personnel", "inspecteur");
        TestStack.get().accessToken(inspector.username()); // first sign-in: enrols an OTP secret
        assertTrue(json(admin.get(gateway.resolve("/api/admin/accounts/" + inspector.id()))).get("otpConfigured").asBoolean());

        JsonNode reset = json(post("/api/admin/accounts/" + inspector.id() + "/otp-reset", null));

        assertFalse(reset.get("otpConfigured").asBoolean());
        Browser browser = new Browser();
        HttpResponse<String> loginPage = SignedIn.loginPage(gateway, browser);
        HttpResponse<String> next = browser.follow(browser.submitLogin(loginPage, inspector.username(), DemoAccounts.PASSWORD),
                uri -> !SignedIn.isKeycloak(uri));
        assertTrue(next.body().contains("kc-totp-settings-form"), "asked to enrol a new phone");
        JsonNode entry = json(admin.get(gateway.resolve("/api/admin/audit?action=OTP_RESET&target=" + inspector.username())))
                .get("items").get(0);
        assertEquals("1 moyen retiré", entry.get("detail").asText());
    }

    @Test
    void unlockingLiftsABruteForceLockout() {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        for (int attempt = 0; attempt < 5; attempt++) { // the realm locks after 5 failures (sooner when they are quick)
            Browser browser = new Browser();
            browser.submitLogin(SignedIn.loginPage(gateway, browser), account.username(), "Mauvais-Mot-De-Passe-1");
        }
        assertTrue(json(admin.get(gateway.resolve("/api/admin/accounts/" + account.id()))).get("locked").asBoolean());

        JsonNode unlocked = json(post("/api/admin/accounts/" + account.id() + "/unlock", null));

        assertFalse(unlocked.get("locked").asBoolean());
        assertEquals(200, signIn(account.username(), DemoAccounts.PASSWORD).get(gateway.resolve("/api/me")).statusCode());
    }

    @Test
    void anUnknownAccountIsNotFoundAndTheAuditFiltersAreChecked() {
        assertEquals(404, admin.get(gateway.resolve("/api/admin/accounts/" + NOBODY)).statusCode());
        assertEquals(404, post("/api/admin/accounts/pas-un-id/unlock", null).statusCode());
        assertEquals(400, admin.get(gateway.resolve("/api/admin/accounts?q=a")).statusCode());

        HttpResponse<String> badAction = admin.get(gateway.resolve("/api/admin/audit?action=DELETE"));
        assertEquals(400, badAction.statusCode());
        assertEquals("action", json(badAction).get("field").asText());
        HttpResponse<String> badDate = admin.get(gateway.resolve("/api/admin/audit?from=30/11/2026"));
        assertEquals(400, badDate.statusCode());
        assertEquals("from", json(badDate).get("field").asText());

        post("/api/admin/accounts", account("George", "Sand", numen()));
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        assertTrue(json(admin.get(gateway.resolve("/api/admin/audit?target=gsand&from=" + today + "&to=" + today)))
                .get("items").size() >= 1);
        assertEquals(0, json(admin.get(gateway.resolve("/api/admin/audit?target=gsand&to=2020-01-01"))).get("items").size());
        JsonNode firstPage = json(admin.get(gateway.resolve("/api/admin/audit?limit=1")));
        assertEquals(1, firstPage.get("items").size());
        String next = firstPage.get("nextCursor").asText();
        JsonNode secondPage = json(admin.get(gateway.resolve("/api/admin/audit?limit=1&cursor=" + next)));
        assertFalse(secondPage.get("items").get(0).get("id").asText().equals(firstPage.get("items").get(0).get("id").asText()));
    }

    /** The person's first sign-in through the gateway: temporary password, new password, OTP where required. */
    private Browser firstSignIn(String identifier, String temporaryPassword) {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = SignedIn.loginPage(gateway, browser);
        HttpResponse<String> signedIn = browser.follow(browser.submitLogin(loginPage, identifier, temporaryPassword),
                uri -> !SignedIn.isKeycloak(uri));
        // a sensitive profile enrols its OTP first (the sign-in flow asks for it), then changes the password
        HttpResponse<String> update = browser.follow(Tokens.secondFactor(browser, identifier, signedIn),
                uri -> !SignedIn.isKeycloak(uri));
        assertTrue(update.body().contains("kc-passwd-update-form"), "asked for a new password: " + update.body());
        HttpResponse<String> next = browser.postForm(Browser.formAction(update),
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        HttpResponse<String> back = browser.follow(Tokens.secondFactor(browser, identifier, next));
        assertEquals(200, back.statusCode(), back.body());
        assertEquals(gateway.getAuthority(), back.uri().getAuthority(), "back in the portal");
        return browser;
    }

    private Browser signIn(String identifier, String password) {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = SignedIn.loginPage(gateway, browser);
        HttpResponse<String> back = browser.follow(browser.submitLogin(loginPage, identifier, password));
        assertEquals(gateway.getAuthority(), back.uri().getAuthority(), "back in the portal: " + back.body());
        return browser;
    }

    private HttpResponse<String> post(String path, String body) {
        return admin.send("POST", gateway.resolve(path), JSON_FROM_THE_SPA, body);
    }

    private HttpResponse<String> importFile(String file, boolean dryRun) {
        return admin.send("POST", gateway.resolve("/api/admin/accounts/import?dryRun=" + dryRun),
                Map.of(RequestGuard.CSRF_HEADER, "1", "Content-Type", "text/csv; charset=utf-8"), file);
    }

    private static String account(String firstName, String lastName, String numen) {
        return "{\"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName + "\", \"numen\": \"" + numen + "\"}";
    }

    /** A NUMEN no other test uses. */
    private static String numen() {
        return String.format("%010dABC", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static void assertLine(JsonNode line, int number, String status) {
        assertEquals(number, line.get("line").asInt(), line.toString());
        assertEquals(status, line.get("status").asText(), line.toString());
    }

    private static void assertProblem(JsonNode line, String column, String message) {
        JsonNode problem = line.get("problems").get(0);
        assertEquals(column, problem.get("column").asText(), line.toString());
        assertTrue(problem.get("message").asText().contains(message), line.toString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.statusCode() + " " + response.body(), e);
        }
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode array) {
        return items(array).stream().map(JsonNode::asText).toList();
    }

}
