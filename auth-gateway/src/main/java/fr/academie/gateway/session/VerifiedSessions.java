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
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;

/**
 * Serves an API call with the identity Quarkus OIDC verified for the same session tokens, rather than verifying the
 * signatures of both tokens again at every call: that was half of the gateway's CPU per relayed request (JFR,
 * README). Nothing is weakened: the tokens never leave this gateway's memory, so they cannot have changed since
 * they were verified; a renewal, a sign-out or an expiry makes a new session record without the identity; a
 * back-channel logout forgets every remembered identity, so that the next call goes through Quarkus again and
 * meets the pending logout. Pages, the callback and the sign-out path always go through Quarkus.
 */
@ApplicationScoped
public class VerifiedSessions implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

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
        return sessions.verifiedIdentity(reference)
                .map(identity -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, context).build()))
                .orElseGet(() -> {
                    context.put(LOGOUTS_BEFORE, logoutsBefore);
                    return Uni.createFrom().nullItem();
                });
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
            sessions.forgetVerifiedIdentities();
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
