package fr.academie.mail.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A sign-in at the mail doors (IMAP, SMTP submission) with an access token of the académie's realm, in a SASL
 * OAUTHBEARER or XOAUTH2 response (RFC 7628), checked exactly as the web door checks it (quarkus-oidc: issuer,
 * signature, expiry, and this service's audience), never by a second verifier. The name the client gives must be the
 * token's own (none, or its address, identifier or account id): no one acts as another.
 */
@ApplicationScoped
public class TokenSignIn {

    private static final Logger LOG = Logger.getLogger(TokenSignIn.class);
    private static final Duration CHECK_AT_MOST = Duration.ofSeconds(10);

    private final TenantIdentityProvider tokens;

    public TokenSignIn(TenantIdentityProvider tokens) {
        this.tokens = tokens;
    }

    /** Who signed in: the account id (token subject) and the address of the token. */
    public record Accepted(String accountId, String address) {
    }

    /** The account whose valid token the SASL response (base64) carries; empty when refused. */
    public Optional<Accepted> attempt(String saslResponse) {
        return BearerResponse.parse(saslResponse).flatMap(response -> check(response.token(), response.user()));
    }

    private Optional<Accepted> check(String token, String named) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWT: refused here rather than sent to the realm's introspection
        }
        try {
            SecurityIdentity identity = tokens.authenticate(new AccessTokenCredential(token)).await().atMost(CHECK_AT_MOST);
            JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
            String address = jwt.getClaim("email");
            boolean same = named.isBlank() || Stream.of(jwt.getSubject(), address,
                    jwt.<String>getClaim("preferred_username")).anyMatch(named::equalsIgnoreCase);
            return same && jwt.getSubject() != null ? Optional.of(new Accepted(jwt.getSubject(), address))
                    : Optional.empty();
        } catch (RuntimeException e) { // expired, forged, another audience, or the realm unreachable: refused alike
            LOG.debugf("Mail door token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
