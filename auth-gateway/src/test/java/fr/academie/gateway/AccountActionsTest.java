package fr.academie.gateway;

import fr.academie.stack.testing.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.gateway.guard.RequestGuard;
import fr.academie.stack.DemoAccounts;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.StackTestResource;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.Tokens;
import fr.academie.stack.testing.Totp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account page's password and second-factor section: dates, the required or optional OTP, enrolment and
 * the password change run by Keycloak as application-initiated actions, removal where allowed.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "service", value = "auth-gateway"))
class AccountActionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FROM_THE_SPA = Map.of(RequestGuard.CSRF_HEADER, "1");

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void thePasswordShowsWhenItWasSetAndWhenItExpiresUnderTheRealmsPolicy() throws IOException {
        JsonNode security = json(SignedIn.as(gateway, "lmartin").get(gateway.resolve("/api/compte/securite")));
        Instant changed = Instant.parse(security.get("passwordChanged").asText());
        Instant expires = Instant.parse(security.get("passwordExpires").asText());
        assertEquals(Duration.ofDays(365), Duration.between(changed, expires));
        assertTrue(security.get("passwordDaysLeft").asLong() >= 364, security.toString());
        assertFalse(security.get("otpRequired").asBoolean());
    }

    @Test
    void aRequiredSecondFactorCannotBeRemovedByThePerson() throws IOException {
        Browser claire = SignedIn.as(gateway, "cdurand");
        JsonNode security = json(claire.get(gateway.resolve("/api/compte/securite")));
        assertTrue(security.get("otpRequired").asBoolean());
        String device = security.get("otpDevices").get(0).get("id").asText();
        HttpResponse<String> refused = claire.send("DELETE", gateway.resolve("/api/compte/securite/otp/" + device),
                FROM_THE_SPA, null);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("urn:portail:gateway:otp-required"), refused.body());
        assertEquals(1, json(claire.get(gateway.resolve("/api/compte/securite"))).get("otpDevices").size());
    }

    @Test
    void samirEnrolsAnOptionalSecondFactorThroughKeycloakThenRemovesIt() throws IOException {
        Browser samir = SignedIn.as(gateway, "sbenali");
        HttpResponse<String> back = runAction(samir, "double-authentification", "sbenali");
        assertEquals("/compte", back.uri().getPath());
        assertEquals("action=double-authentification&statut=success", back.uri().getQuery());

        JsonNode security = json(samir.get(gateway.resolve("/api/compte/securite")));
        assertFalse(security.get("otpRequired").asBoolean());
        assertEquals(1, security.get("otpDevices").size(), security.toString());
        String device = security.get("otpDevices").get(0).get("id").asText();
        HttpResponse<String> removed = samir.send("DELETE", gateway.resolve("/api/compte/securite/otp/" + device),
                FROM_THE_SPA, null);
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals(0, json(samir.get(gateway.resolve("/api/compte/securite"))).get("otpDevices").size());
        Totp.forget("sbenali");
        assertEquals(404, samir.send("DELETE", gateway.resolve("/api/compte/securite/otp/" + device), FROM_THE_SPA, null)
                .statusCode());
    }

    @Test
    void changingThePasswordGoesToKeycloaksFormAndBackToTheAccountPage() {
        Browser lena = SignedIn.as(gateway, "lmartin");
        HttpResponse<String> form = toKeycloak(lena, "mot-de-passe", "lmartin");
        assertTrue(form.body().contains("Choisissez un nouveau mot de passe"), form.body());
        // leaving without changing: Keycloak says the action was cancelled, and the person is back, signed in
        HttpResponse<String> back = lena.follow(lena.postForm(Browser.formAction(form), Map.of("cancel-aia", "true")));
        assertEquals("/compte", back.uri().getPath());
        assertEquals("action=mot-de-passe&statut=cancelled", back.uri().getQuery());
        assertEquals(200, lena.get(gateway.resolve("/api/me")).statusCode());
    }

    @Test
    void aLostPhoneIsNoLockOutARecoveryCodeSignsInOnceThenIsUsedUp() throws IOException {
        TestStack.Account inspector = TestStack.get().newAccount("personnel", "inspecteur");
        Browser office = SignedIn.as(gateway, inspector.username()); // enrols the required OTP
        assertTrue(json(office.get(gateway.resolve("/api/compte/securite"))).get("recoveryCodes").isNull());

        HttpResponse<String> codesPage = toKeycloak(office, "codes-de-secours", inspector.username());
        Matcher generated = Pattern.compile("name=\"generatedRecoveryAuthnCodes\" value=\"([^\"]+)\"").matcher(codesPage.body());
        assertTrue(generated.find(), codesPage.body());
        List<String> codes = List.of(generated.group(1).split(","));
        assertEquals(12, codes.size());
        HttpResponse<String> back = office.follow(office.postForm(Browser.formAction(codesPage), Map.of(
                "generatedRecoveryAuthnCodes", generated.group(1), "generatedAt", hidden(codesPage, "generatedAt"),
                "userLabel", "Codes de secours", "kcRecoveryCodesConfirmationCheck", "on")));
        assertEquals("action=codes-de-secours&statut=success", back.uri().getQuery());
        assertEquals(12, json(office.get(gateway.resolve("/api/compte/securite"))).get("recoveryCodes").get("remaining").asInt());

        // the phone is lost: on the code page, "essayer une autre méthode", then the first recovery code
        Browser borrowed = new Browser();
        HttpResponse<String> loginPage = SignedIn.loginPage(gateway, borrowed);
        HttpResponse<String> otpPage = borrowed.follow(borrowed.submitLogin(loginPage, inspector.username(),
                DemoAccounts.PASSWORD), uri -> !SignedIn.isKeycloak(uri));
        assertTrue(otpPage.body().contains("kc-otp-login-form"), otpPage.body());
        Matcher tryAnotherWay = Pattern.compile("<form id=\"kc-select-try-another-way-form\" action=\"([^\"]+)\"")
                .matcher(otpPage.body());
        assertTrue(tryAnotherWay.find(), "the OTP page offers another way: " + otpPage.body());
        HttpResponse<String> choices = borrowed.postForm(otpPage.uri().resolve(tryAnotherWay.group(1).replace("&amp;", "&")),
                Map.of("tryAnotherWay", "on"));
        // one choice per alternative; the OTP form's is the execution the page is at, the other is the recovery code
        URI choose = Browser.formAction(choices);
        String current = Tokens.queryParameter(choose, "execution");
        Matcher choice = Pattern.compile("name=\"authenticationExecution\" value=\"([^\"]+)\"").matcher(choices.body());
        String execution = null;
        while (choice.find()) {
            if (!choice.group(1).equals(current)) {
                execution = choice.group(1);
            }
        }
        assertTrue(execution != null && choices.body().contains("code de récupération"), "a recovery-code choice: " + choices.body());
        HttpResponse<String> codeInput = borrowed.postForm(choose, Map.of("authenticationExecution", execution));
        assertTrue(codeInput.body().contains("kc-recovery-code-login-form"), codeInput.body());
        HttpResponse<String> signedIn = borrowed.follow(borrowed.postForm(Browser.formAction(codeInput),
                Map.of("recoveryCodeInput", codes.get(0))));
        assertEquals(gateway.getAuthority(), signedIn.uri().getAuthority(), "in the portal: " + signedIn.body());
        assertEquals(11, json(borrowed.get(gateway.resolve("/api/compte/securite"))).get("recoveryCodes").get("remaining").asInt(),
                "each code works once");
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(value.find(), name + " in " + page.body());
        return value.group(1);
    }

    @Test
    void anUnknownActionIsNotFound() {
        assertEquals(404, SignedIn.as(gateway, "lmartin").get(gateway.resolve("/connexion/action/supprimer-le-compte"))
                .statusCode());
    }

    /** Follows the action to Keycloak's page for it, through the password form when Keycloak asks again. */
    private HttpResponse<String> toKeycloak(Browser browser, String action, String username) {
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway.resolve("/connexion/action/" + action)),
                SignedIn::isKeycloak);
        URI authorization = Browser.location(toKeycloak);
        assertTrue(authorization.getQuery().contains("kc_action="), authorization.toString());
        HttpResponse<String> page = browser.follow(browser.get(authorization), uri -> !SignedIn.isKeycloak(uri));
        if (page.body().contains("id=\"kc-form-login\"")) {
            page = browser.follow(browser.submitLogin(page, username, DemoAccounts.PASSWORD),
                    uri -> !SignedIn.isKeycloak(uri));
        }
        return page;
    }

    private HttpResponse<String> runAction(Browser browser, String action, String username) {
        HttpResponse<String> page = toKeycloak(browser, action, username);
        return browser.follow(Tokens.secondFactor(browser, username, page));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), () -> response.uri() + " answered " + response.body());
        return JSON.readTree(response.body());
    }
}
