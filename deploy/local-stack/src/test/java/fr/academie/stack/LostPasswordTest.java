package fr.academie.stack;

import com.fasterxml.jackson.databind.JsonNode;
import fr.academie.stack.testing.Browser;
import fr.academie.stack.testing.TestStack;
import fr.academie.stack.testing.TestStack.Account;
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
    /** A theme message key shown as text: a message missing from messages_fr. */
    private static final Pattern UNTRANSLATED = Pattern.compile(">\\s*academie[A-Z]");
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
        HttpResponse<String> right = prove(browser, later, NUMEN, BIRTH);
        assertTrue(right.body().contains("kc-passwd-update-form"), "after two corrections, the right answer: " + right.body());
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

    @Test
    void aCodeSentToTheConfirmedRecoveryAddressLeadsToANewPassword() {
        String address = "perso-" + System.nanoTime() + "@exemple.fr";
        Account account = stack.newAccount(Map.of("adresseSecours", address), "personnel");
        Browser browser = new Browser();
        HttpResponse<String> proof = identifier(browser, account.username());
        assertTrue(proof.body().contains("Pas de NUMEN sous la main ?"), proof.body());
        HttpResponse<String> codePage = askForCode(browser, proof);
        assertTrue(codePage.body().contains("Saisissez le code reçu") && codePage.body().contains("autocomplete=\"one-time-code\""),
                codePage.body());
        for (HttpResponse<String> page : List.of(proof, codePage)) {
            assertFalse(UNTRANSLATED.matcher(page.body()).find(), "every text is in words, no message key: " + page.body());
        }
        String code = codeMailedTo(address, 1);

        HttpResponse<String> wrong = typeCode(browser, codePage, code.equals("000000") ? "111111" : "000000");
        assertTrue(refusal(wrong).startsWith("Ce code ne permet pas de confirmer votre identité"), wrong.body());
        assertEquals(1, failures(account), "a wrong code is a failed sign-in of the account");
        HttpResponse<String> newPassword = typeCode(browser, wrong, code.substring(0, 3) + " " + code.substring(3));
        assertTrue(newPassword.body().contains("kc-passwd-update-form"), "the right code, even spaced: " + newPassword.body());
        HttpResponse<String> back = browser.postForm(Browser.formAction(newPassword),
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertTrue(Browser.isRedirect(back), "back to the portal, signed in: " + back.headers().map());
        assertTrue(Browser.isRedirect(submitPassword(account.username(), NEW_PASSWORD)), "the new password signs in");
        assertTrue(pendingAlertKinds(account).contains("PASSWORD_RESET"), "the reset waits to be told to the person");
    }

    @Test
    void withoutARecoveryAddressOrAnAccountThePagesReadTheSameAndNoMailLeaves() throws InterruptedException {
        String address = "perso-" + System.nanoTime() + "@exemple.fr";
        Account withAddress = stack.newAccount(Map.of("adresseSecours", address), "personnel");
        Browser known = new Browser();
        HttpResponse<String> sent = askForCode(known, identifier(known, withAddress.username()));
        String wrongCode = refusal(typeCode(known, sent, codeMailedTo(address, 1).equals("123456") ? "654321" : "123456"));

        for (String identifier : List.of(person().username(), "personne-inconnue-" + System.nanoTime())) {
            int mailsBefore = stack.stack().smtp().received().size();
            Browser browser = new Browser();
            HttpResponse<String> page = askForCode(browser, identifier(browser, identifier));
            assertEquals(codeIntro(sent), codeIntro(page), "the same page for " + identifier);
            assertEquals(wrongCode, refusal(typeCode(browser, page, "123456")), "the same refusal for " + identifier);
            Thread.sleep(1_000); // the code leaves on another thread: give it the time it would take
            assertEquals(mailsBefore, stack.stack().smtp().received().size(), "no mail for " + identifier);
        }
    }

    @Test
    void aCodeTriedFiveTimesIsSpentAndTheNextTryAsksForAnother() throws InterruptedException {
        String address = "perso-" + System.nanoTime() + "@exemple.fr";
        Account account = stack.newAccount(Map.of("adresseSecours", address), "personnel");
        Browser browser = new Browser();
        HttpResponse<String> page = askForCode(browser, identifier(browser, account.username()));
        String code = codeMailedTo(address, 1);
        assertTrue(page.body().matches("(?s).*<input id=\"code\" name=\"code\"[^>]*required.*"),
                "a browser does not send an empty code: " + page.body());
        HttpResponse<String> blank = typeCode(browser, page, " ");
        assertTrue(blank.body().contains("id=\"input-error-code\"") && blank.body().contains("Saisissez le code reçu."),
                blank.body());
        HttpResponse<String> tooShort = typeCode(browser, blank, "12 34");
        assertTrue(tooShort.body().contains("Le code compte 6 chiffres."), tooShort.body());
        page = tooShort;
        String wrong = code.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 5; i++) {
            page = typeCode(browser, page, wrong);
            assertTrue(refusal(page).startsWith("Ce code ne permet pas"), "try " + (i + 1) + ": " + page.body());
            Thread.sleep(1_100); // faster attempts are a "quick login", locked at once
        }
        HttpResponse<String> spent = typeCode(browser, page, code);
        assertTrue(refusal(spent).startsWith("Ce code a expiré ou a été saisi trop de fois"), spent.body());
        assertTrue(spent.body().contains("id=\"numen\""), "back to the choice of proof: " + spent.body());
    }

    private static HttpResponse<String> askForCode(Browser browser, HttpResponse<String> proofPage) {
        return browser.follow(browser.postForm(Browser.formAction(proofPage), Map.of("moyen", "adresse")));
    }

    private static HttpResponse<String> typeCode(Browser browser, HttpResponse<String> page, String code) {
        return browser.follow(browser.postForm(Browser.formAction(page), Map.of("moyen", "code", "code", code)));
    }

    private static String codeIntro(HttpResponse<String> page) {
        Matcher intro = Pattern.compile("<p id=\"code-intro\">([^<]+)</p>").matcher(page.body());
        assertTrue(intro.find(), page.body());
        return intro.group(1);
    }

    /** The code in the {@code n}th mail the relay received for this address (Keycloak mails it on another thread). */
    private String codeMailedTo(String address, int n) {
        SmtpSink.Received mail = stack.stack().smtp().awaitMessage(address, n);
        assertTrue(mail.text().contains("Votre code pour choisir un nouveau mot de passe")
                || mail.text().contains("Subject: =?"), mail.text());
        return mail.code();
    }

    private Account person() {
        return stack.newAccount(Map.of("numen", NUMEN, "dateNaissance", BIRTH), "personnel");
    }

    /** From the portal's sign-in page, "Mot de passe oublié ?", then the identifier: the page that follows. */
    private HttpResponse<String> identifier(Browser browser, String identifier) {
        HttpResponse<String> signIn = stack.portalSignInPage(browser);
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

    private HttpResponse<String> submitPassword(String username, String password) {
        Browser browser = new Browser();
        return browser.submitLogin(stack.portalSignInPage(browser), username, password);
    }

    private int failures(Account account) {
        return stack.bruteForceState(account).get("numFailures").asInt();
    }

    private List<String> pendingAlertKinds(Account account) {
        JsonNode alerts = stack.stack().admin().read("/admin/realms/" + Keycloak.REALM + "/portail/alerts");
        return StreamSupport.stream(alerts.spliterator(), false)
                .filter(alert -> account.id().equals(alert.path("userId").asText()))
                .map(alert -> alert.path("kind").asText()).toList();
    }
}
