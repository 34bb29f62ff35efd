package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.TestStack.Account;
import fr.academie.stack.testing.Tokens;
import fr.academie.stack.testing.Totp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Mot de passe oublié ?" against the real realm, as a browser without JavaScript walks it: the link on the
 * sign-in page, the identifier, the NUMEN and date of birth of the HR file, the second factor where the account has
 * one, a new password, and the person is back in the application she came from. Nothing tells whether an identifier
 * exists; wrong answers lock the account like wrong passwords; the reset is journaled for the person to be told.
 */
class LostPasswordTest {

    private static final String NUMEN = "12E0512345ABC";
    private static final String BIRTH = "1984-03-21";
    private static final String NEW_PASSWORD = "Nouveau-Mot-2027!";
    private static final Pattern GLOBAL_MESSAGE = Pattern.compile("kc-feedback-text\">([^<]+)<");
    private final TestStack stack = TestStack.get();

    @Test
    void theNumenAndTheBirthDateLeadToANewPasswordAndBackToTheApplication() {
        Account account = person();
        Browser browser = new Browser();
        HttpResponse<String> proof = identifier(browser, account.username());
        assertTrue(proof.body().contains("Confirmez votre identité") && proof.body().contains("id=\"numen\"")
                && proof.body().contains("type=\"date\""), proof.body());

        HttpResponse<String> newPassword = prove(browser, proof, "12e05 12345abc", BIRTH);
        assertTrue(newPassword.body().contains("kc-passwd-update-form"), "spaces and lower case accepted: " + newPassword.body());
        HttpResponse<String> back = browser.postForm(Browser.formAction(newPassword),
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertTrue(Browser.isRedirect(back) && Browser.location(back).getQuery().contains("code="),
                "back to the portal, signed in: " + back.headers().map());

        HttpResponse<String> signIn = submitPassword(account.username(), NEW_PASSWORD);
        assertTrue(Browser.isRedirect(signIn), "the new password signs in");
        assertFalse(Browser.isRedirect(submitPassword(account.username(), DemoAccounts.PASSWORD)), "the old one no longer");
        assertTrue(pendingAlertKinds(account).contains("PASSWORD_RESET"), "the reset waits to be told to the person");
    }

    @Test
    void anUnknownIdentifierIsAnsweredLikeAKnownOneWithAWrongAnswer() {
        Account account = person();
        Browser known = new Browser();
        String wrongAnswer = refusal(prove(known, identifier(known, account.username()), NUMEN, "1990-01-01"));
        Browser unknown = new Browser();
        HttpResponse<String> proofPage = identifier(unknown, "personne-inconnue");
        assertTrue(proofPage.body().contains("id=\"numen\""), "the same next page for an unknown identifier");
        assertEquals(wrongAnswer, refusal(prove(unknown, proofPage, NUMEN, BIRTH)));
        assertEquals("Ces informations ne permettent pas de confirmer votre identité. Vérifiez votre identifiant, votre "
                + "NUMEN et votre date de naissance. Après plusieurs essais, il faudra patienter quelques minutes.", wrongAnswer);
    }

    @Test
    void everyMissingOrMalformedFieldIsNamedAtOnceAndCountsForNothing() {
        Account account = person();
        Browser browser = new Browser();
        HttpResponse<String> page = prove(browser, identifier(browser, account.username()), "123", "");
        assertTrue(page.body().contains("id=\"input-error-numen\"") && page.body().contains("Le NUMEN compte 13 caractères"),
                page.body());
        assertTrue(page.body().contains("id=\"input-error-naissance\"")
                && page.body().contains("Saisissez votre date de naissance."), page.body());
        assertEquals(0, failures(account), "a form not filled in is no guess");
        HttpResponse<String> later = prove(browser, page, NUMEN, "2999-01-01");
        assertTrue(later.body().contains("Cette date de naissance n&#39;est pas valide.")
                || later.body().contains("Cette date de naissance n'est pas valide."), later.body());
    }

    @Test
    void fiveWrongAnswersLockTheAccountAndTheRightOneIsThenRefusedTheSameWay() throws InterruptedException {
        Account account = person();
        String refused = null;
        for (int i = 0; i < 5; i++) {
            Browser browser = new Browser();
            refused = refusal(prove(browser, identifier(browser, account.username()), NUMEN, "1990-01-0" + (i + 1)));
            Thread.sleep(1_100); // faster attempts are a "quick login", locked at once
        }
        assertEquals(5, failures(account), "each wrong answer is a failure of the account");
        Browser browser = new Browser();
        assertEquals(refused, refusal(prove(browser, identifier(browser, account.username()), NUMEN, BIRTH)),
                "locked: the right answer gets the same refusal");
        assertTrue(pendingAlertKinds(account).contains("LOCKOUT"), "the person is told of the lockout");
    }

    @Test
    void anAccountWithASecondFactorMustStillProveIt() {
        Account account = stack.newAccount(Map.of("numen", NUMEN, "dateNaissance", BIRTH), "personnel", "otp-requis");
        stack.accessToken(account.username()); // first sign-in: enrols the OTP secret (Totp remembers it)
        Browser browser = new Browser();
        HttpResponse<String> otp = prove(browser, identifier(browser, account.username()), NUMEN, BIRTH);
        assertTrue(otp.body().contains("kc-otp-login-form"), "the OTP entry page after the NUMEN: " + otp.body());
        HttpResponse<String> newPassword = browser.follow(
                browser.postForm(Browser.formAction(otp), Map.of("otp", Totp.nextCode(account.username()))));
        assertTrue(newPassword.body().contains("kc-passwd-update-form"), newPassword.body());
    }

    @Test
    void anAccountWithoutHrDataCannotBeProven() {
        Account account = stack.newAccount("personnel");
        Browser browser = new Browser();
        assertTrue(refusal(prove(browser, identifier(browser, account.username()), NUMEN, BIRTH))
                .startsWith("Ces informations ne permettent pas"));
    }

    private Account person() {
        return stack.newAccount(Map.of("numen", NUMEN, "dateNaissance", BIRTH), "personnel");
    }

    /** From the portal's sign-in page, "Mot de passe oublié ?", then the identifier: the page that follows. */
    private HttpResponse<String> identifier(Browser browser, String identifier) {
        HttpResponse<String> signIn = loginPage(browser);
        Matcher link = Pattern.compile("href=\"([^\"]*login-actions/reset-credentials[^\"]*)\"[^>]*>\\s*Mot de passe oublié ?")
                .matcher(signIn.body());
        assertTrue(link.find(), "the sign-in page offers « Mot de passe oublié ? »: " + signIn.body());
        HttpResponse<String> choose = browser.get(signIn.uri().resolve(link.group(1).replace("&amp;", "&")));
        assertTrue(choose.body().contains("NUMEN et votre date de naissance"), choose.body());
        HttpResponse<String> next = browser.postForm(Browser.formAction(choose), Map.of("username", identifier));
        return browser.follow(next);
    }

    private static HttpResponse<String> prove(Browser browser, HttpResponse<String> page, String numen, String birth) {
        return browser.follow(browser.postForm(Browser.formAction(page), Map.of("numen", numen, "naissance", birth)));
    }

    private static String refusal(HttpResponse<String> page) {
        assertEquals(200, page.statusCode());
        Matcher message = GLOBAL_MESSAGE.matcher(page.body());
        assertTrue(message.find(), page.body());
        return message.group(1).replace("&#39;", "'").strip();
    }

    private HttpResponse<String> loginPage(Browser browser) {
        Tokens.Client portail = stack.client("portail");
        return browser.get(new Tokens(stack.realmUrl()).authorizationUri(portail, Tokens.challenge(Tokens.random())));
    }

    private HttpResponse<String> submitPassword(String username, String password) {
        Browser browser = new Browser();
        return browser.submitLogin(loginPage(browser), username, password);
    }

    private int failures(Account account) {
        return stack.stack().admin().read("/admin/realms/" + Keycloak.REALM + "/attack-detection/brute-force/users/"
                + account.id()).get("numFailures").asInt();
    }

    private List<String> pendingAlertKinds(Account account) {
        JsonNode alerts = stack.stack().admin().read("/admin/realms/" + Keycloak.REALM + "/portail/alerts");
        return StreamSupport.stream(alerts.spliterator(), false)
                .filter(alert -> account.id().equals(alert.path("userId").asText()))
                .map(alert -> alert.path("kind").asText()).toList();
    }
}
