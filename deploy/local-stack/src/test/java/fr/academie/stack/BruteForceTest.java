package fr.academie.stack;

import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.TestStack.Account;
import fr.academie.stack.testing.Totp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak's brute-force protection as the realm sets it, after Keycloak's own tests: five failures lock the
 * account for a while, whatever spelling of the identifier was used; the locked answer is the wrong-password
 * answer; a wrong OTP code is a failure; a success starts the count again. Each test uses an account of its own,
 * and waits a little over a second between attempts (faster ones are a "quick login", locked at once).
 */
class BruteForceTest {

    private static final String WRONG = "Mauvais-Mot-De-Passe-1";
    private final TestStack stack = TestStack.get();

    @Test
    void everySpellingOfTheIdentifierCountsAndTheLockedAnswerIsTheWrongPasswordAnswer() throws InterruptedException {
        Account account = stack.newAccount("personnel");
        String wrongPassword = message(attempt(account.username(), WRONG));
        for (String spelling : new String[] {account.username().toUpperCase(), account.email(),
                account.email().toUpperCase(), account.username()}) {
            pause();
            assertEquals(wrongPassword, message(attempt(spelling, WRONG)));
        }
        assertEquals(5, failures(account), "five failures on one account");
        pause();
        HttpResponse<String> locked = attempt(account.username(), DemoAccounts.PASSWORD);
        assertEquals(200, locked.statusCode(), "the right password is refused while locked");
        assertEquals(wrongPassword, message(locked), "and nothing tells the account is locked");
        assertTrue(lockedNow(account));
    }

    @Test
    void aSuccessStartsTheCountAgain() throws InterruptedException {
        Account account = stack.newAccount("personnel");
        for (int i = 0; i < 4; i++) {
            attempt(account.username(), WRONG);
            pause();
        }
        assertEquals(4, failures(account));
        assertTrue(Browser.isRedirect(attempt(account.username(), DemoAccounts.PASSWORD)), "signed in");
        assertEquals(0, failures(account), "the count starts again");
        pause();
        attempt(account.username(), WRONG);
        assertFalse(lockedNow(account));
    }

    @Test
    void aWrongOtpCodeCountsAsAFailure() throws InterruptedException {
        Account account = stack.newAccount("personnel", "otp-requis");
        stack.accessToken(account.username()); // first sign-in: enrols the OTP secret (Totp remembers it)
        pause();
        Browser browser = new Browser();
        HttpResponse<String> otpPage = browser.follow(browser.submitLogin(stack.portalSignInPage(browser), account.username(),
                DemoAccounts.PASSWORD), uri -> !uri.toString().startsWith(stack.realmUrl()));
        assertTrue(otpPage.body().contains("kc-otp-login-form"), "the OTP entry page");
        String wrongCode = Totp.nextCode(account.username()).equals("000000") ? "111111" : "000000";
        HttpResponse<String> refused = browser.postForm(Browser.formAction(otpPage), Map.of("otp", wrongCode));
        assertEquals(200, refused.statusCode());
        assertEquals(1, failures(account), "the wrong code is a failure of the account");
    }

    private HttpResponse<String> attempt(String identifier, String password) {
        Browser browser = new Browser();
        return browser.submitLogin(stack.portalSignInPage(browser), identifier, password);
    }

    private int failures(Account account) {
        return stack.bruteForceState(account).get("numFailures").asInt();
    }

    private boolean lockedNow(Account account) {
        return stack.bruteForceState(account).get("disabled").asBoolean();
    }

    /** The error shown under the identifier field, unescaped. */
    private static String message(HttpResponse<String> page) {
        Matcher error = Pattern.compile("id=\"input-error-username\"[^>]*>\\s*<span[^>]*>\\s*([^<]+?)\\s*</span>")
                .matcher(page.body());
        assertTrue(error.find(), page.body());
        return error.group(1).replace("&#39;", "'");
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(1_100);
    }
}
