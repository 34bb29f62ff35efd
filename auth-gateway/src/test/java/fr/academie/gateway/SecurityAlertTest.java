package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.academie.gateway.alert.PasswordExpiryReminders;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.Keycloak;
import fr.academie.stack.KeycloakAdmin;
import fr.academie.stack.Service;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert a person gets in their mailbox when their account is used from a new device, once per device, and
 * what "Ce n'était pas moi" does: every session ends and the next sign-in asks for a new password; the
 * password-expiry reminders.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class SecurityAlertTest {

    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36";
    private static final String SUBJECT = "Nouvelle connexion à votre compte académique";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1",
            "Content-Type", "application/json");

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    PasswordExpiryReminders reminders;

    @Test
    void aSignInFromANewDeviceReachesTheMailboxOnceWithItsDetailsAndTheNotMeLink() throws Exception {
        SignedIn.as(gateway, "sbenali", new Browser().userAgent(AccountSecurityTest.SAFARI_MAC)); // a known device
        Browser phone = SignedIn.as(gateway, "sbenali", new Browser().userAgent(ANDROID));

        List<JsonNode> alerts = awaitAlerts(phone, "Android", 1);
        String text = alerts.get(0).get("text").asText();
        assertTrue(text.contains("appareil : Chrome Mobile sur Android"), text);
        assertTrue(text.contains("adresse IP : 127.0.0.1"), text);
        assertTrue(text.contains("application : Portail agents"), text);
        assertTrue(text.contains("Ce n'était pas moi : " + gateway.resolve("/compte/ce-n-etait-pas-moi?connexion=")), text);
        assertEquals("Sécurité du portail agents", alerts.get(0).get("from").get("name").asText());

        SignedIn.as(gateway, "sbenali", new Browser().userAgent(ANDROID)); // the same device again
        Thread.sleep(4_000); // several delivery rounds
        assertEquals(1, alertsAbout(phone, "Android").size(), "the alert came once, and not for a known device");
    }

    @Test
    void notMeEndsEverySessionAndTheNextSignInAsksForANewPassword() throws IOException {
        KeycloakAdmin admin = TestStack.get().stack().admin();
        String lena = "/admin/realms/" + Keycloak.REALM + "/users/" + DemoAccounts.id("lmartin");
        Browser here = SignedIn.as(gateway, "lmartin", new Browser().userAgent(AccountSecurityTest.EDGE_WINDOWS));
        Browser there = SignedIn.as(gateway, "lmartin", new Browser().userAgent(ANDROID));
        String signIn = JSON.readTree(there.get(gateway.resolve("/api/compte/connexions")).body())
                .get("items").get(0).get("id").asText();
        String mail = TestStack.get().service(Service.MAIL);
        String token = TestStack.get().accessToken("lmartin");
        RestAssured.given().baseUri(mail).auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Téléphone de Léna")).post("/app-passwords").then().statusCode(201);
        try {
            HttpResponse<String> unknown = here.send("POST", gateway.resolve("/api/compte/ce-n-etait-pas-moi"),
                    FROM_THE_SPA, "{\"connexion\":\"not-a-sign-in-of-yours\"}");
            assertEquals(404, unknown.statusCode(), unknown.body());

            HttpResponse<String> reported = here.send("POST", gateway.resolve("/api/compte/ce-n-etait-pas-moi"),
                    FROM_THE_SPA, "{\"connexion\":\"" + signIn + "\"}");
            assertEquals(204, reported.statusCode(), reported.body());
            assertEquals(401, here.get(gateway.resolve("/api/me")).statusCode(), "this session ended too");
            assertEquals(401, there.get(gateway.resolve("/api/me")).statusCode());
            assertTrue(admin.read(lena).get("requiredActions").toString().contains("UPDATE_PASSWORD"));
            assertEquals(List.of(), RestAssured.given().baseUri(mail).auth().oauth2(token).get("/app-passwords").then()
                    .statusCode(200).extract().jsonPath().getList("items"), "her mail programs' passwords revoked too");

            Browser next = new Browser();
            HttpResponse<String> toKeycloak = next.follow(next.get(gateway.resolve("/")), SignedIn::isKeycloak);
            HttpResponse<String> afterPassword = next.follow(next.submitLogin(next.get(Browser.location(toKeycloak)),
                    "lmartin", DemoAccounts.PASSWORD), uri -> !SignedIn.isKeycloak(uri));
            assertTrue(afterPassword.body().contains("Choisissez un nouveau mot de passe"), afterPassword.body());
        } finally {
            ObjectNode user = (ObjectNode) admin.read(lena);
            user.putArray("requiredActions");
            admin.update(lena, user);
        }
    }

    @Test
    void nobodyReportsASignInOfSomeoneElse() throws IOException {
        Browser lena = SignedIn.as(gateway, "lmartin");
        String lenasSignIn = JSON.readTree(lena.get(gateway.resolve("/api/compte/connexions")).body())
                .get("items").get(0).get("id").asText();
        Browser samir = SignedIn.as(gateway, "sbenali");
        HttpResponse<String> refused = samir.send("POST", gateway.resolve("/api/compte/ce-n-etait-pas-moi"),
                FROM_THE_SPA, "{\"connexion\":\"" + lenasSignIn + "\"}");
        assertEquals(404, refused.statusCode());
        assertEquals(200, lena.get(gateway.resolve("/api/me")).statusCode(), "Léna's sessions are untouched");
        assertEquals(200, samir.get(gateway.resolve("/api/me")).statusCode());
    }

    @Test
    void aPasswordExpiringInTenDaysGetsOneReminderInTheMailboxHoweverManyMorningsRun() throws Exception {
        String samir = DemoAccounts.id("sbenali");
        try (Connection keycloak = DriverManager.getConnection(TestStack.get().stack().jdbcUrl("keycloak"), "keycloak", "")) {
            long original = passwordSetAt(keycloak, samir);
            setPasswordSetAt(keycloak, samir, Instant.now().minus(Duration.ofDays(355)).toEpochMilli());
            try {
                reminders.remind(Instant.now());
                reminders.remind(Instant.now()); // the next morning: the same reminder is not sent again
                Browser reader = SignedIn.as(gateway, "sbenali");
                List<JsonNode> sent = messages(reader).stream()
                        .filter(message -> message.get("subject").asText().startsWith("Votre mot de passe académique expire"))
                        .toList();
                assertEquals(1, sent.size(), sent.toString());
                assertEquals("Votre mot de passe académique expire dans 9 jours", sent.get(0).get("subject").asText());
                JsonNode full = JSON.readTree(reader.get(gateway.resolve("/api/mail/messages/" + sent.get(0).get("id").asText())).body());
                assertTrue(full.get("text").asText().contains(gateway.resolve("/connexion/action/mot-de-passe").toString()),
                        full.get("text").asText());
            } finally {
                setPasswordSetAt(keycloak, samir, original);
            }
        }
    }

    @Test
    void aLockedAccountIsToldInItsMailboxUntilWhenAndWhatToDo() throws Exception {
        TestStack.Account account = TestStack.get().newAccount("personnel");
        for (int attempt = 0; attempt < 5; attempt++) {
            Browser browser = new Browser();
            HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/")), SignedIn::isKeycloak);
            browser.submitLogin(browser.get(Browser.location(toKeycloak)), account.username(), "Mauvais-Mot-De-Passe-1");
            Thread.sleep(1_100); // slower than a "quick login", which Keycloak locks at once
        }
        String bruteForce = "/admin/realms/" + Keycloak.REALM + "/attack-detection/brute-force/users/" + account.id();
        assertTrue(TestStack.get().stack().admin().read(bruteForce).get("disabled").asBoolean(), "locked");
        Thread.sleep(3_000); // delivery rounds while the account is locked
        TestStack.get().stack().admin().delete(bruteForce); // the administrator unlocks it, so the test can read

        Browser reader = SignedIn.as(gateway, account.username());
        List<JsonNode> told = messages(reader).stream()
                .filter(message -> message.get("subject").asText().equals("Votre compte académique est verrouillé temporairement"))
                .toList();
        assertEquals(1, told.size(), told.toString());
        String text = JSON.readTree(reader.get(gateway.resolve("/api/mail/messages/" + told.get(0).get("id").asText())).body())
                .get("text").asText();
        assertTrue(text.contains("Vous pourrez vous connecter de nouveau le "), text);
        assertTrue(text.contains("l'adresse IP 127.0.0.1"), text);
        assertTrue(text.contains("/connexion/action/mot-de-passe"), text);
        JsonNode history = JSON.readTree(reader.get(gateway.resolve("/api/compte/connexions")).body()).get("items");
        boolean lockoutListed = false;
        for (JsonNode row : history) {
            lockoutListed |= !row.get("lockedUntil").isNull();
        }
        assertTrue(lockoutListed, "the lockout shows in the history: " + history);
    }

    private static long passwordSetAt(Connection keycloak, String userId) throws SQLException {
        try (PreparedStatement query = keycloak.prepareStatement(
                "select created_date from credential where user_id = ? and type = 'password'")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getLong(1);
            }
        }
    }

    /** Moves the password's date in Keycloak's database, as if it had been set then. */
    private static void setPasswordSetAt(Connection keycloak, String userId, long epochMillis) throws SQLException {
        try (PreparedStatement update = keycloak.prepareStatement(
                "update credential set created_date = ? where user_id = ? and type = 'password'")) {
            update.setLong(1, epochMillis);
            update.setString(2, userId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private List<JsonNode> messages(Browser reader) throws IOException {
        JsonNode folders = JSON.readTree(reader.get(gateway.resolve("/api/mail/folders")).body());
        String inbox = folders.get("items").get(0).get("id").asText();
        List<JsonNode> messages = new ArrayList<>();
        JSON.readTree(reader.get(gateway.resolve("/api/mail/folders/" + inbox + "/messages?limit=200")).body())
                .get("items").forEach(messages::add);
        return messages;
    }

    /** Waits for the delivery rounds to bring the expected number of alerts about the device. */
    private List<JsonNode> awaitAlerts(Browser reader, String device, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonNode> alerts = alertsAbout(reader, device);
        while (alerts.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            alerts = alertsAbout(reader, device);
        }
        assertEquals(expected, alerts.size(), "alerts about " + device);
        return alerts;
    }

    private List<JsonNode> alertsAbout(Browser reader, String device) throws IOException {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode message : messages(reader)) {
            if (SUBJECT.equals(message.get("subject").asText())) {
                JsonNode full = JSON.readTree(reader.get(gateway.resolve("/api/mail/messages/" + message.get("id").asText())).body());
                if (full.get("text").asText().contains(device)) {
                    alerts.add(full);
                }
            }
        }
        return alerts;
    }
}
