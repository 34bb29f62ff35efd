package fr.academie.mail.imap;

import fr.academie.mail.apppassword.PasswordSignIn;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * AUTHENTICATE OAUTHBEARER and XOAUTH2 (RFC 7628) with an access token of the académie's realm, checked exactly as the
 * web door checks it (quarkus-oidc: issuer, signature, expiry, and this service's audience), never by a second verifier.
 * The session is the token subject's; a client naming another user than the token's is refused (no delegation).
 * AUTHENTICATE PLAIN takes an application password, as LOGIN does.
 */
class ImapAuthentication extends AuthenticateProcessor {

    private static final Logger LOG = Logger.getLogger(ImapAuthentication.class);
    private static final Duration CHECK_AT_MOST = Duration.ofSeconds(10);

    private final TenantIdentityProvider tokens;
    private final ImapPasswords passwords;

    ImapAuthentication(MailboxManager mailboxes, StatusResponseFactory responses, MetricFactory metrics,
                       TenantIdentityProvider tokens, ImapPasswords passwords) {
        super(mailboxes, responses, metrics);
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /** AUTHENTICATE PLAIN: an application password, as LOGIN ({@link PasswordLogin}). */
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
        BearerResponse.parse(initialResponse).flatMap(response -> subject(response.token(), response.user()))
                .ifPresentOrElse(subject -> authSuccess(Username.of(subject), session, request, responder),
                        () -> manageFailureCount(session, request, responder));
        session.stopDetectingCommandInjection();
    }

    /**
     * The subject of a valid token, when the user the client named (none, or her address, identifier or account id)
     * is the token's own.
     */
    private Optional<String> subject(String token, String named) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWT: refused here rather than sent to the realm's introspection
        }
        try {
            SecurityIdentity identity = tokens.authenticate(new AccessTokenCredential(token)).await().atMost(CHECK_AT_MOST);
            JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
            boolean same = named.isBlank() || Stream.of(jwt.getSubject(), jwt.<String>getClaim("email"),
                    jwt.<String>getClaim("preferred_username")).anyMatch(named::equalsIgnoreCase);
            return same ? Optional.ofNullable(jwt.getSubject()) : Optional.empty();
        } catch (RuntimeException e) { // expired, forged, another audience, or the realm unreachable: refused alike
            LOG.debugf("IMAP token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
