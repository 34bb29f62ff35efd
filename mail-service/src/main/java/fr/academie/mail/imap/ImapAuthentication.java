package fr.academie.mail.imap;

import fr.academie.mail.signin.PasswordSignIn;
import fr.academie.mail.signin.TokenSignIn;
import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;

/**
 * AUTHENTICATE OAUTHBEARER and XOAUTH2 with an access token of the académie's realm ({@link TokenSignIn}), and PLAIN
 * with an application password, as LOGIN ({@link PasswordLogin}). The session is the account's; no delegation.
 */
class ImapAuthentication extends AuthenticateProcessor {

    private final TokenSignIn tokens;
    private final ImapPasswords passwords;

    ImapAuthentication(MailboxManager mailboxes, StatusResponseFactory responses, MetricFactory metrics,
                       TokenSignIn tokens, ImapPasswords passwords) {
        super(mailboxes, responses, metrics);
        this.tokens = tokens;
        this.passwords = passwords;
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        PasswordSignIn.Outcome outcome = passwords.attempt(
                attempt.isDelegation() ? null : attempt.getAuthenticationId().asString(), attempt.getPassword(), session);
        if (outcome instanceof PasswordSignIn.Outcome.Accepted accepted) {
            authSuccess(Username.of(accepted.accountId()), session, request, responder);
        } else if (outcome instanceof PasswordSignIn.Outcome.Unavailable) {
            no(request, responder, ImapPasswords.UNAVAILABLE);
        } else {
            manageFailureCount(session, request, responder, failed);
        }
    }

    @Override
    protected void doOAuth(String initialResponse, ImapSession session, ImapRequest request, Responder responder) {
        tokens.attempt(initialResponse).ifPresentOrElse(
                accepted -> {
                    passwords.signedInWithToken(session, accepted.accountId());
                    authSuccess(Username.of(accepted.accountId()), session, request, responder);
                },
                () -> manageFailureCount(session, request, responder));
        session.stopDetectingCommandInjection();
    }
}
