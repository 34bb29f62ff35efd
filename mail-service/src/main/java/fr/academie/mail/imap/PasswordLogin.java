package fr.academie.mail.imap;

import fr.academie.mail.signin.PasswordSignIn;
import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;

/** LOGIN with an application password (see {@link ImapPasswords}); no delegation. */
class PasswordLogin extends LoginProcessor {

    private final ImapPasswords passwords;

    PasswordLogin(MailboxManager mailboxes, StatusResponseFactory responses, MetricFactory metrics,
                  ImapPasswords passwords) {
        super(mailboxes, responses, metrics);
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
}
