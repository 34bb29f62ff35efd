package fr.academie.mail.submission;

import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.TokenSignIn;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

import java.util.Optional;

/**
 * AUTH at the submission door, on an encrypted connection only: PLAIN and LOGIN with an application password
 * ({@link PasswordSignIn}: never the account's own), OAUTHBEARER and XOAUTH2 with an access token of the realm
 * ({@link TokenSignIn}). The session then sends as the account, from its address only.
 */
final class SubmissionAuth implements AuthHook {

    /** The address of the person signed in: the only sender she may use. */
    static final ProtocolSession.AttachmentKey<String> ADDRESS = ProtocolSession.AttachmentKey.of("portail.address",
            String.class);

    private final PasswordSignIn passwords;
    private final TokenSignIn tokens;

    SubmissionAuth(PasswordSignIn passwords, TokenSignIn tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        if (!session.isTLSStarted()) {
            return encryptionRequired();
        }
        PasswordSignIn.Outcome outcome = passwords.attempt(username.asString(), password,
                session.getRemoteAddress().getAddress().getHostAddress());
        if (outcome instanceof PasswordSignIn.Outcome.Accepted accepted) {
            return signedIn(session, accepted.accountId(), accepted.address());
        }
        return outcome instanceof PasswordSignIn.Outcome.Unavailable
                ? reply(HookReturnCode.denySoft(), "454", "4.7.0 Service d'authentification indisponible, reessayez plus"
                        + " tard / Authentication temporarily unavailable")
                : refused();
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        if (!session.isTLSStarted()) {
            return encryptionRequired();
        }
        Optional<TokenSignIn.Accepted> accepted = tokens.attempt(initialResponse);
        return accepted.map(account -> signedIn(session, account.accountId(), account.address())).orElseGet(
                SubmissionAuth::refused);
    }

    private static HookResult signedIn(SMTPSession session, String accountId, String address) {
        if (address == null) {
            return refused(); // an account without an address sends nothing
        }
        session.setUsername(Username.of(accountId));
        session.setAttachment(ADDRESS, address, ProtocolSession.State.Connection);
        session.setRelayingAllowed(true);
        return HookResult.OK;
    }

    private static HookResult refused() {
        return reply(HookReturnCode.deny(), "535", "5.7.8 Identifiants refuses : utilisez un mot de passe d'application"
                + " cree sur la page Mon compte du portail / Authentication credentials invalid");
    }

    private static HookResult encryptionRequired() {
        return reply(HookReturnCode.deny(), "538", "5.7.11 Chiffrement requis : STARTTLS d'abord / Encryption required");
    }

    static HookResult reply(HookReturnCode code, String smtpCode, String text) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(text).build();
    }
}
