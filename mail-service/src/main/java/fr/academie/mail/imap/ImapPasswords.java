package fr.academie.mail.imap;

import fr.academie.mail.signin.AppPasswordService;
import fr.academie.mail.signin.PasswordSignIn;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.util.MDCBuilder;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * IMAP sign-in with a password (LOGIN, AUTHENTICATE PLAIN): an application password of the person's, never her
 * account's own, checked by {@link PasswordSignIn} with the client's address; a session signed in so is watched, and
 * ends at its next command once that password is revoked.
 */
final class ImapPasswords {

    static final HumanReadableText UNAVAILABLE = new HumanReadableText("fr.academie.mail.imap.unavailable",
            "Service d'authentification indisponible : reessayez dans quelques minutes.");
    static final HumanReadableText REVOKED = new HumanReadableText("fr.academie.mail.imap.revoked",
            "Ce mot de passe d'application a ete revoque : creez-en un autre sur la page Mon compte du portail.");
    /** How long a password found working is believed to still work: a revocation ends its sessions within this. */
    private static final Duration BELIEVED = Duration.ofSeconds(2);
    private static final String WATCHED = "portail.app-password";

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
            session.setAttribute(WATCHED, new Watch(accepted.passwordId(), Instant.now()));
        }
        return outcome;
    }

    /** Whether the session may go on: signed in otherwise, or with a password that still works. */
    boolean mayGoOn(ImapSession session) {
        Watch watch = (Watch) session.getAttribute(WATCHED);
        if (watch == null || watch.checked().plus(BELIEVED).isAfter(Instant.now())) {
            return true;
        }
        boolean works = passwords.works(watch.password());
        session.setAttribute(WATCHED, new Watch(watch.password(), Instant.now()));
        return works;
    }

    /** The client's address, as James' server saw it (the PROXY protocol's source when one is in front). */
    private static String address(ImapSession session) {
        Object context = session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY);
        String address = context instanceof MDCBuilder mdc ? mdc.execute(() -> MDC.get(MDCBuilder.IP)) : null;
        return address == null ? "inconnue" : address;
    }

    private record Watch(UUID password, Instant checked) {
    }
}
