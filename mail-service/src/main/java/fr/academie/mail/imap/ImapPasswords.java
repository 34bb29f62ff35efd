package fr.academie.mail.imap;

import fr.academie.mail.signin.AppPasswordService;
import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.SessionWatch;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.util.MDCBuilder;
import org.slf4j.MDC;


/**
 * IMAP sign-in with a password (LOGIN, AUTHENTICATE PLAIN): an application password of the person's, never her
 * account's own, checked by {@link PasswordSignIn} with the client's address; a session signed in so is watched, and
 * ends at its next command once that password is revoked — as does any session, token or password, once its
 * account's access is revoked (disabled, "ce n'était pas moi": {@code /internal/access-revocations}).
 */
final class ImapPasswords {

    static final HumanReadableText UNAVAILABLE = new HumanReadableText("fr.academie.mail.imap.unavailable",
            "Service d'authentification indisponible : reessayez dans quelques minutes.");
    static final HumanReadableText REVOKED = new HumanReadableText("fr.academie.mail.imap.revoked",
            "Ce mot de passe d'application a ete revoque : creez-en un autre sur la page Mon compte du portail.");
    static final HumanReadableText ACCESS_REVOKED = new HumanReadableText("fr.academie.mail.imap.access-revoked",
            "L'acces de ce compte a la messagerie a ete retire (compte desactive ou protege) : reconnectez-vous.");
    private static final String WATCHED = "portail.sign-in";

    private final PasswordSignIn signIn;
    private final AppPasswordService passwords;

    ImapPasswords(PasswordSignIn signIn, AppPasswordService passwords) {
        this.signIn = signIn;
        this.passwords = passwords;
    }

    /**
     * The sign-in's outcome; an accepted one's session is watched from now on.
     *
     * @param user the name the client gave, null when it asked to act as another (no delegation here: refused)
     */
    PasswordSignIn.Outcome attempt(String user, String password, ImapSession session) {
        PasswordSignIn.Outcome outcome = user == null ? new PasswordSignIn.Outcome.Refused()
                : signIn.attempt(user, password, address(session));
        if (outcome instanceof PasswordSignIn.Outcome.Accepted accepted) {
            session.setAttribute(WATCHED, SessionWatch.password(accepted.passwordId(), accepted.accountId()));
        }
        return outcome;
    }

    /** A session signed in with a token of the realm: watched too, for a revocation of the account's access. */
    void signedInWithToken(ImapSession session, String accountId) {
        session.setAttribute(WATCHED, SessionWatch.token(accountId));
    }

    /** Whether the session may go on: not signed in yet, or its sign-in still valid ({@link SessionWatch}). */
    boolean mayGoOn(ImapSession session) {
        SessionWatch watch = (SessionWatch) session.getAttribute(WATCHED);
        return watch == null || watch.mayGoOn(passwords);
    }

    /** What a session that may not go on is told: its password revoked, or its account's access. */
    static HumanReadableText why(ImapSession session) {
        SessionWatch watch = (SessionWatch) session.getAttribute(WATCHED);
        return watch != null && watch.byPassword() ? REVOKED : ACCESS_REVOKED;
    }

    /** The client's address, as James' server saw it (the PROXY protocol's source when one is in front). */
    private static String address(ImapSession session) {
        Object context = session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY);
        String address = context instanceof MDCBuilder mdc ? mdc.execute(() -> MDC.get(MDCBuilder.IP)) : null;
        return address == null ? "inconnue" : address;
    }
}
