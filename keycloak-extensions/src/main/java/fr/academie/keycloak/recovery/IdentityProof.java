package fr.academie.keycloak.recovery;

import fr.academie.keycloak.StatelessFactory;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.managers.BruteForceProtector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Authenticator {@code portail-preuve-identite}, the step of "Mot de passe oublié ?" that stands for the académie's
 * practice: the person proves who she is with what her HR file holds and a stranger does not know (her NUMEN and her
 * date of birth, the account's admin-only attributes set when it was provisioned), not with a link sent to the mailbox
 * she cannot open. Every failure reads the same, whether the identifier is unknown, the account disabled or locked,
 * or the answer wrong, so that the page never tells whether an account exists; a wrong answer counts as a failed
 * sign-in for the brute-force detector (the same lockout, the same letter to the person).
 *
 * <p>The other way, for whoever has no NUMEN at hand: a code sent to the personal recovery address registered and
 * confirmed on the portal's account page ({@link RecoveryCode}); the same refusals, the same counting.
 */
public class IdentityProof extends StatelessFactory implements Authenticator, AuthenticatorFactory {

    private static final Logger LOG = Logger.getLogger(IdentityProof.class);

    public static final String ID = "portail-preuve-identite";
    /** The authentication session's note that the identity was proven this way (read when the password changes). */
    public static final String PROVEN = "portail.preuve";
    static final String NUMEN = "numen";
    static final String BIRTH_DATE = "dateNaissance";
    static final String FORM = "portail-preuve-identite.ftl";
    static final String CODE_FORM = "portail-code-secours.ftl";
    /**
     * What the form posted is: {@code adresse} (send a code), {@code code} (the code typed) or {@code numen} (back to
     * the NUMEN); none: the NUMEN and date of birth. (The code's form says so in a hidden field: a form whose only
     * field is left empty would otherwise post nothing Keycloak keeps, and its next page would be refused as expired.)
     */
    static final String WAY = "moyen";
    static final String CODE = "code";

    private static final Pattern NUMEN_FORMAT = Pattern.compile("[0-9]{2}[A-Z0-9]{8}[A-Z]{3}");
    private static final Pattern CODE_FORMAT = Pattern.compile("[0-9]{6}");
    private static final String BIRTH_FIELD = "naissance";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if ("adresse".equals(form.getFirst(WAY))) {
            sendCode(context);
            return;
        }
        if ("numen".equals(form.getFirst(WAY))) {
            RecoveryCode.forget(context.getAuthenticationSession());
            context.challenge(context.form().createForm(FORM));
            return;
        }
        if ("code".equals(form.getFirst(WAY))) {
            if (RecoveryCode.expected(context.getAuthenticationSession())) {
                checkCode(context, form.getFirst(CODE));
            } else { // a code page left open after its code was spent: back to the choice
                context.challenge(context.form().setError("academieCodeExpired").createForm(FORM));
            }
            return;
        }
        String numen = normalised(form.getFirst(NUMEN));
        String birth = form.getFirst(BIRTH_FIELD) == null ? "" : form.getFirst(BIRTH_FIELD).strip();
        List<FormMessage> problems = new ArrayList<>();
        if (numen.isEmpty()) {
            problems.add(new FormMessage(NUMEN, "academieNumenMissing"));
        } else if (!NUMEN_FORMAT.matcher(numen).matches()) {
            problems.add(new FormMessage(NUMEN, "academieNumenFormat"));
        }
        LocalDate birthDate = birthDate(birth, problems);
        if (!problems.isEmpty()) {
            LoginFormsProvider page = refilled(context, numen, birth);
            problems.forEach(page::addError);
            context.challenge(page.createForm(FORM));
            return;
        }
        UserModel user = context.getUser();
        if (user == null || !user.isEnabled()) {
            refuse(context, numen, birth, Errors.USER_NOT_FOUND);
        } else if (bruteForce(context).isTemporarilyDisabled(context.getSession(), context.getRealm(), user)) {
            refuse(context, numen, birth, Errors.USER_TEMPORARILY_DISABLED);
        } else if (!matches(user, numen, birthDate)) {
            // a failure challenge with a user is a failed sign-in for the brute-force detector (Keycloak counts it)
            refuse(context, numen, birth, Errors.INVALID_USER_CREDENTIALS);
        } else {
            context.getAuthenticationSession().setAuthNote(PROVEN, "numen");
            context.getEvent().user(user).detail("identity_proof", "numen");
            context.success();
        }
    }

    private static void sendCode(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        boolean usable = user != null && user.isEnabled()
                && !bruteForce(context).isTemporarilyDisabled(context.getSession(), context.getRealm(), user);
        boolean sent = RecoveryCode.issue(context.getSession(), context.getAuthenticationSession(), user, usable);
        if (user != null) {
            context.getEvent().user(user);
        }
        // not an event of its own: the log line says a code was asked for, and whether one left
        LOG.infof("Recovery code asked for in realm %s (account %s): %s", context.getRealm().getName(),
                user == null ? "unknown" : user.getId(), sent ? "mailed" : "none sent");
        context.challenge(context.form().createForm(CODE_FORM));
    }

    private static void checkCode(AuthenticationFlowContext context, String typed) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!CODE_FORMAT.matcher(code).matches()) {
            context.challenge(context.form().addError(new FormMessage(CODE, code.isEmpty() ? "academieCodeMissing"
                    : "academieCodeFormat")).createForm(CODE_FORM));
            return;
        }
        UserModel user = context.getUser();
        RecoveryCode.Check check = RecoveryCode.check(context.getAuthenticationSession(), code);
        if (user != null) {
            context.getEvent().user(user);
        }
        if (check == RecoveryCode.Check.EXPIRED) {
            context.getEvent().detail("identity_proof", "adresse").error(Errors.EXPIRED_CODE);
            context.challenge(context.form().setError("academieCodeExpired").createForm(FORM));
        } else if (check != RecoveryCode.Check.RIGHT || user == null || !user.isEnabled()
                || bruteForce(context).isTemporarilyDisabled(context.getSession(), context.getRealm(), user)) {
            context.getEvent().detail("identity_proof", "adresse").error(check != RecoveryCode.Check.RIGHT
                    ? Errors.INVALID_CODE : Errors.USER_TEMPORARILY_DISABLED);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    context.form().setError("academieCodeRefused").createForm(CODE_FORM));
        } else {
            context.getAuthenticationSession().setAuthNote(PROVEN, "adresse");
            context.getEvent().user(user).detail("identity_proof", "adresse");
            context.success();
        }
    }

    /** The same answer for every failure; the event keeps the real reason for whoever reads the logs. */
    private static void refuse(AuthenticationFlowContext context, String numen, String birth, String reason) {
        if (context.getUser() != null) {
            context.getEvent().user(context.getUser());
        }
        context.getEvent().detail("identity_proof", "numen").error(reason);
        LoginFormsProvider page = refilled(context, numen, birth).setError("academieProofRefused");
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page.createForm(FORM));
    }

    private static LoginFormsProvider refilled(AuthenticationFlowContext context, String numen, String birth) {
        return context.form().setAttribute("numen", numen).setAttribute("naissance", birth);
    }

    private static LocalDate birthDate(String value, List<FormMessage> problems) {
        if (value.isEmpty()) {
            problems.add(new FormMessage(BIRTH_FIELD, "academieBirthDateMissing"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.isAfter(LocalDate.now())) {
                problems.add(new FormMessage(BIRTH_FIELD, "academieBirthDateInvalid"));
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FormMessage(BIRTH_FIELD, "academieBirthDateInvalid"));
            return null;
        }
    }

    /** Both must match the account's attributes; compared in constant time, so timing tells nothing either. */
    static boolean matches(UserModel user, String numen, LocalDate birthDate) {
        String expectedNumen = normalised(user.getFirstAttribute(NUMEN));
        String expectedBirth = user.getFirstAttribute(BIRTH_DATE) == null ? "" : user.getFirstAttribute(BIRTH_DATE).strip();
        boolean numenMatches = MessageDigest.isEqual(expectedNumen.getBytes(StandardCharsets.UTF_8),
                numen.getBytes(StandardCharsets.UTF_8));
        boolean birthMatches = MessageDigest.isEqual(expectedBirth.getBytes(StandardCharsets.UTF_8),
                birthDate.toString().getBytes(StandardCharsets.UTF_8));
        return !expectedNumen.isEmpty() && !expectedBirth.isEmpty() && numenMatches && birthMatches;
    }

    static String normalised(String numen) {
        return numen == null ? "" : numen.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static BruteForceProtector bruteForce(AuthenticationFlowContext context) {
        return context.getSession().getProvider(BruteForceProtector.class);
    }

    @Override
    public boolean requiresUser() {
        // the identifier step leaves no user when the identifier is unknown: this step must still answer
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing to set up: the HR file's data is the administration's
    }

    @Override
    public String getDisplayType() {
        return "Preuve d'identité (NUMEN et date de naissance, ou code à l'adresse de secours)";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Mot de passe oublié : la personne prouve son identité avec son NUMEN et sa date de naissance, "
                + "ou avec un code envoyé à l'adresse de secours confirmée sur son compte.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }
}
