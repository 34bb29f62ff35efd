package fr.academie.gateway.session;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;

import java.util.Set;

/**
 * Serves an API call with the identity Quarkus OIDC verified for the same session tokens, rather than verifying the
 * signatures of both tokens again at every call: that was half of the gateway's CPU per relayed request (JFR,
 * README). Nothing is weakened: an identity is used only while this replica's memory of the session is fresh (read
 * from the database within {@code gateway.sessions.remembered}) and holds the same access token; a back-channel
 * logout ends the Keycloak session's rows for every replica and forgets every identity remembered here, so that the
 * next call goes through Quarkus again. Pages, the callback and the sign-out path always go through Quarkus.
 */
@ApplicationScoped
public class VerifiedSessions implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(VerifiedSessions.class);
    /** Set on an API call that Quarkus verifies: the back-channel logouts seen when its verification started. */
    private static final String LOGOUTS_BEFORE = VerifiedSessions.class.getName() + ".logouts";

    private final ServerSideTokenStateManager sessions;

    public VerifiedSessions(ServerSideTokenStateManager sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String reference = context.normalizedPath().startsWith("/api/") ? sessionReference(context) : null;
        if (reference == null) {
            return Uni.createFrom().nullItem(); // Quarkus OIDC, the next mechanism, takes it
        }
        long logoutsBefore = sessions.logoutsSoFar();
        return sessions.verifiedIdentity(reference).map(verified -> verified
                .map(identity -> (SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, context).build())
                .orElseGet(() -> {
                    context.put(LOGOUTS_BEFORE, logoutsBefore);
                    return null; // Quarkus OIDC, the next mechanism, takes it
                }));
    }

    /** Remembers what Quarkus OIDC has just verified for an API call that came through {@link #authenticate}. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        RoutingContext routing = identity.isAnonymous() ? null : HttpSecurityUtils.getRoutingContextAttribute(identity);
        Long logoutsBefore = routing == null ? null : routing.get(LOGOUTS_BEFORE);
        if (logoutsBefore != null) {
            sessions.remember(sessionReference(routing), identity, logoutsBefore);
        }
        return Uni.createFrom().item(identity);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // after any other augmentor: the identity remembered is the final one
    }

    void backChannelLogout(@Observes SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_INITIATED) {
            sessions.loggedOut(keycloakSession(event.getEventProperties().get("logout_token")));
        }
    }

    /**
     * The {@code sid} of the logout token Quarkus OIDC has verified. Its event carries the verification's result in a
     * class whose fields are package-private (Quarkus 3.33), hence the reflection; if it ever fails, the logout still
     * applies on this replica (Quarkus's own cache) and is logged as not shared.
     */
    static String keycloakSession(Object verification) {
        try {
            Field claims = verification.getClass().getDeclaredField("localVerificationResult");
            claims.setAccessible(true);
            return ((JsonObject) claims.get(verification)).getString("sid");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Back-channel logout: its session could not be read (%s); it applies on this replica only", e);
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // Quarkus OIDC's challenge applies
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100; // before Quarkus OIDC's mechanism
    }

    private static String sessionReference(RoutingContext context) {
        Cookie cookie = context.request().getCookie(ServerSideTokenStateManager.SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
