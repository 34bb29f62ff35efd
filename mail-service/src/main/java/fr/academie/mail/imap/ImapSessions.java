package fr.academie.mail.imap;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.exception.BadCredentialsException;
import org.apache.james.mailbox.exception.ForbiddenDelegationException;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Who an IMAP session acts for: always the person herself, named by her account id (the token subject, the owner of
 * her folders), never another (no delegation). A password alone opens nothing yet: application passwords come next,
 * and the account's own password is never accepted over IMAP (its second factor would be bypassed).
 */
class ImapSessions implements SessionProvider {

    private final AtomicLong ids = new AtomicLong(new SecureRandom().nextLong() & Long.MAX_VALUE);

    @Override
    public MailboxSession createSystemSession(Username user) {
        return session(user, MailboxSession.SessionType.System);
    }

    @Override
    public AuthorizationStep authenticate(Username user, String password) {
        return new AuthorizationStep() {
            @Override
            public MailboxSession as(Username other) throws BadCredentialsException {
                throw new BadCredentialsException();
            }

            @Override
            public MailboxSession withoutDelegation() throws BadCredentialsException {
                throw new BadCredentialsException();
            }

            @Override
            public MailboxSession forMatchingUser(Predicate<Username> other) throws BadCredentialsException {
                throw new BadCredentialsException();
            }
        };
    }

    /** The person whose account id a verified token named. */
    @Override
    public AuthorizationStep authenticate(Username user) {
        return new AuthorizationStep() {
            @Override
            public MailboxSession as(Username other) throws ForbiddenDelegationException {
                if (!other.equals(user)) {
                    throw new ForbiddenDelegationException(user, other);
                }
                return withoutDelegation();
            }

            @Override
            public MailboxSession withoutDelegation() {
                return session(user, MailboxSession.SessionType.User);
            }

            @Override
            public MailboxSession forMatchingUser(Predicate<Username> other) throws ForbiddenDelegationException {
                throw new ForbiddenDelegationException(user);
            }
        };
    }

    private MailboxSession session(Username user, MailboxSession.SessionType type) {
        return new MailboxSession(MailboxSession.SessionId.of(ids.incrementAndGet()), user, Optional.of(user), List.of(),
                ImapStore.DELIMITER, type);
    }
}
