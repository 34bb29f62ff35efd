package fr.academie.mail.imap;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.mail.TestMailbox;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in to IMAP with a password (LOGIN, AUTHENTICATE PLAIN): an application password of the person's opens her
 * mailbox, her account's own password never does; a revoked one ends its sessions at their next command; failures
 * lock the account and the address; a disabled account, or a password changed since, loses its application passwords.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "mail-service"))
class ImapPasswordTest {

    @Inject
    ImapServer imap;

    @Test
    void anApplicationPasswordOpensHerMailboxAndItsUseIsListedButHerAccountsPasswordNever() throws Exception {
        TestMailbox lena = TestMailbox.create();
        TestMailbox samir = TestMailbox.create();
        lena.importMessage(lena.folder("INBOX"), "From: parent@example.org\r\nSubject: Sortie\r\n\r\nJeudi\r\n");
        String password = lena.appPassword("Téléphone de Léna");

        JsonPath login = ImapScript.session(imap.port(), lena.address(), password, "LOGIN");
        assertTrue(login.getBoolean("authenticated"), login.prettify());
        assertEquals(1, login.getInt("exists"), "her mailbox");
        String typed = password.replace(" ", "").toUpperCase(Locale.ROOT); // as a phone's keyboard may write it
        assertTrue(ImapScript.session(imap.port(), lena.address(), typed, "PLAIN").getBoolean("authenticated"));
        JsonPath listed = given().auth().oauth2(lena.token()).get("/app-passwords").then().statusCode(200).extract().jsonPath();
        assertEquals("127.0.0.1", listed.getString("items[0].lastUsedAddress"));
        assertNotEquals(null, listed.getString("items[0].lastUsedAt"));

        assertFalse(ImapScript.session(imap.port(), lena.address(), DemoAccounts.PASSWORD, "LOGIN")
                .getBoolean("authenticated"), "the account's own password: its second factor would be bypassed");
        assertFalse(ImapScript.session(imap.port(), samir.address(), password, "LOGIN").getBoolean("authenticated"),
                "her password opens her mailbox only");
        assertFalse(ImapScript.session(imap.port(), "x".repeat(300), password, "LOGIN").getBoolean("authenticated"),
                "a name no account could have is refused without asking the directory");
        forgetFailures();
    }

    @Test
    void passwordsTravelEncryptedOnlyWithStartTlsOrImplicitTls() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String password = lena.appPassword("Ordinateur du bureau");
        JsonPath starttls = ImapScript.session(imap.port(), lena.address(), password, "LOGIN");
        assertTrue(starttls.getBoolean("authenticated") && starttls.getString("tls").startsWith("TLSv1."),
                starttls.prettify());
        JsonPath implicit = ImapScript.session("tls:" + imap.implicitTlsPort(), lena.address(), password, "PLAIN");
        assertTrue(implicit.getBoolean("authenticated") && implicit.getString("tls").startsWith("TLSv1."),
                implicit.prettify());
        JsonPath clear = ImapScript.session("clear:" + imap.port(), lena.address(), password, "LOGIN");
        assertFalse(clear.getBoolean("authenticated"), clear.prettify());
        List<String> offered = clear.getList("capabilities");
        assertTrue(offered.contains("STARTTLS") && offered.contains("LOGINDISABLED") && !offered.contains("AUTH=PLAIN"),
                offered.toString());
        forgetFailures();
    }

    @Test
    void aRevokedPasswordEndsTheSessionsSignedInWithItAtTheirNextCommand() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String password = lena.appPassword("Tablette");
        String id = given().auth().oauth2(lena.token()).get("/app-passwords").then().extract().path("items[0].id");
        JsonPath session = ImapScript.session(imap.port(), lena.address(), password, "LOGIN",
                List.of(List.of("pause", "3"), List.of("call", "noop")), // a session believes its password 2 s at most
                () -> given().auth().oauth2(lena.token()).delete("/app-passwords/{id}", id).then().statusCode(200));
        assertEquals("BAD", session.getString("steps[1].status"), session.prettify());
        assertTrue(session.getString("steps[1].lines[0]").contains("revoque"), session.prettify());
        assertFalse(ImapScript.session(imap.port(), lena.address(), password, "LOGIN").getBoolean("authenticated"));
        forgetFailures();
    }

    @Test
    void theGatewaysRevocationOfHerAccessEndsHerOpenSessionsWhateverTheySignedInWithAndRevokesHerPasswords()
            throws Exception {
        TestMailbox lena = TestMailbox.create();
        String password = lena.appPassword("Tablette");
        Map<String, String> revocation = Map.of("accountId", lena.id(), "reason", "MOT_DE_PASSE_CHANGE");
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            // signed in with a token before the revocation, its next command comes after it
            Future<JsonPath> withToken = elsewhere.submit(() -> ImapScript.session(imap.port(), lena.id(), lena.token(),
                    "XOAUTH2", List.of(List.of("pause", "7"), List.of("call", "noop")), () -> { }));
            pause(2000);
            JsonPath withPassword = ImapScript.session(imap.port(), lena.address(), password, "LOGIN",
                    List.of(List.of("pause", "3"), List.of("call", "noop")),
                    () -> given().auth().oauth2(TestStack.get().serviceToken("portail-notifier"))
                            .contentType(ContentType.JSON).body(revocation).post("/internal/access-revocations")
                            .then().statusCode(200).body("appPasswords", is(1)));
            assertEquals("BAD", withPassword.getString("steps[1].status"), withPassword.prettify());
            JsonPath token = withToken.get(60, TimeUnit.SECONDS);
            assertEquals("BAD", token.getString("steps[1].status"), token.prettify());
            assertTrue(token.getString("steps[1].lines[0]").contains("acces de ce compte"), token.prettify());
        } finally {
            elsewhere.shutdownNow();
        }
        assertFalse(ImapScript.session(imap.port(), lena.address(), password, "LOGIN").getBoolean("authenticated"));
        assertTrue(ImapScript.session(imap.port(), lena.id(), lena.token(), "XOAUTH2").getBoolean("authenticated"),
                "a sign-in after it (a new password, a new token) opens her mailbox again");
        forgetFailures();
    }

    @Test
    void onlyTheGatewayRevokesAnAccountsAccessAndBadInputIsRefusedNamingTheField() {
        TestMailbox lena = TestMailbox.create();
        String body = "{\"accountId\": \"" + lena.id() + "\", \"reason\": \"COMPTE_DESACTIVE\"}";
        given().contentType(ContentType.JSON).body(body).post("/internal/access-revocations").then().statusCode(401);
        for (String token : List.of(lena.token(), TestStack.get().serviceToken("colibris-notifier"),
                TestStack.get().accessToken("pronote", "lmartin"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/internal/access-revocations")
                    .then().statusCode(anyOf(is(401), is(403)));
        }
        String gateway = TestStack.get().serviceToken("portail-notifier");
        Map<String, String> bad = Map.of(
                "{\"reason\": \"COMPTE_DESACTIVE\"}", "accountId",
                "{\"accountId\": \"a\\u0000b\", \"reason\": \"COMPTE_DESACTIVE\"}", "accountId",
                "{\"accountId\": \"" + "x".repeat(65) + "\", \"reason\": \"COMPTE_DESACTIVE\"}", "accountId",
                "{\"accountId\": 12, \"reason\": \"COMPTE_DESACTIVE\"}", "accountId",
                "{\"accountId\": \"x\", \"reason\": \"AUTRE\"}", "reason",
                "{\"accountId\": \"x\", \"accountId\": \"y\", \"reason\": \"COMPTE_DESACTIVE\"}", "accountId");
        bad.forEach((input, field) -> given().auth().oauth2(gateway).contentType(ContentType.JSON).body(input)
                .post("/internal/access-revocations").then().statusCode(400).contentType("application/problem+json")
                .body(containsString(field)));
    }

    @Test
    void fiveFailuresLockTheAccountAndTwentyTheAddressEvenForTheRightPassword() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String password = lena.appPassword("Ordinateur");
        try {
            for (int i = 0; i < 5; i++) {
                assertFalse(ImapScript.session(imap.port(), lena.address(), "mauvais" + i, "LOGIN")
                        .getBoolean("authenticated"));
            }
            assertFalse(ImapScript.session(imap.port(), lena.address(), password, "LOGIN").getBoolean("authenticated"),
                    "locked for a while after five failures, as the realm locks the account");
            forgetFailures();
            assertTrue(ImapScript.session(imap.port(), lena.address(), password, "LOGIN").getBoolean("authenticated"));

            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                    "insert into sign_in_failure (account_id, address) select null, '127.0.0.1' from generate_series(1, 20)")
                    .executeUpdate());
            assertFalse(ImapScript.session(imap.port(), lena.address(), password, "LOGIN").getBoolean("authenticated"),
                    "twenty failures from an address in 15 minutes: that address waits");
        } finally {
            forgetFailures();
        }
    }

    @Test
    void aDisabledAccountOrAPasswordChangedSinceLosesItsApplicationPasswords() throws Exception {
        TestMailbox lena = TestMailbox.create();
        String before = lena.appPassword("Ancien téléphone");
        TestStack.get().stack().admin().resetPassword(Keycloak.REALM, lena.id(), "Nouveau-Mot-2026!x");
        pause(1100); // Keycloak dates credentials to the millisecond; the next password is made after
        String after = lena.appPassword("Nouveau téléphone");
        assertFalse(ImapScript.session(imap.port(), lena.address(), before, "LOGIN").getBoolean("authenticated"),
                "made before the password changed");
        assertTrue(ImapScript.session(imap.port(), lena.address(), after, "LOGIN").getBoolean("authenticated"));

        TestStack.get().stack().admin().update("/admin/realms/" + Keycloak.REALM + "/users/" + lena.id(),
                new ObjectMapper().createObjectNode().put("enabled", false));
        assertFalse(ImapScript.session(imap.port(), lena.address(), after, "LOGIN").getBoolean("authenticated"));
        assertEquals(List.of(), given().auth().oauth2(lena.token()).get("/app-passwords").then().statusCode(200)
                .extract().jsonPath().getList("items"), "revoked for good");
        forgetFailures();
    }

    /** Every test signs in from 127.0.0.1: its failures must not lock the next test's address. */
    private static void forgetFailures() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from sign_in_failure").executeUpdate());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
