package fr.academie.gateway.session;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the person's tokens on the server: the session cookie carries only a random reference. So the
 * browser never holds a token, and a session ended here (sign-out) cannot be replayed with an old cookie,
 * which a self-contained cookie would allow until its tokens expire.
 *
 * <p>Tokens near their expiry are renewed here, once per session however many requests arrive together
 * ({@link SessionRefresher}).
 *
 * <p>Held in memory: a restart signs everyone out, and several replicas need sticky sessions until the
 * store moves to a shared database.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokenStateManager implements TokenStateManager {

    /** Quarkus's session cookie (default tenant). */
    public static final String SESSION_COOKIE = "q_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A session's tokens, when they are due for renewal, and the identity Quarkus OIDC built from exactly these
     * tokens (null until an API call has verified them; a renewal makes a new record without it).
     */
    private record Session(AuthorizationCodeTokens tokens, String subject, Instant expires, Instant renewAt,
                           SecurityIdentity identity) {

        Session(AuthorizationCodeTokens tokens, String subject, Instant expires, Instant renewAt) {
            this(tokens, subject, expires, renewAt, null);
        }

        boolean live(Instant now) {
            return expires.isAfter(now);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Moves on at each back-channel logout: an identity verified before one is never remembered after it. */
    private final AtomicLong logouts = new AtomicLong();
    private final SessionRefresher refresher;

    public ServerSideTokenStateManager(SessionRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig config, AuthorizationCodeTokens tokens,
                                        OidcRequestContext<String> requestContext) {
        Instant now = Instant.now();
        sessions.values().removeIf(session -> !session.live(now));
        Long maxAge = context.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        String reference = reference();
        sessions.put(reference, new Session(tokens, subjectOf(tokens.getIdToken()),
                now.plusSeconds(maxAge == null ? 36_000 : maxAge), refresher.renewAt(tokens)));
        return Uni.createFrom().item(reference);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig config, String reference,
                                                  OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        Session session = sessions.get(reference);
        if (session == null || !session.live(Instant.now())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Session ended"));
        }
        if (session.tokens().getRefreshToken() != null && !session.renewAt().isAfter(Instant.now())) {
            return refresher.refresh(reference, session.tokens())
                    .invoke(tokens -> {
                        // the session lives on as Quarkus would have extended it: here, and in the browser's cookie
                        Duration age = refresher.sessionAge(tokens);
                        Session renewed = new Session(tokens, session.subject(), Instant.now().plus(age),
                                refresher.renewAt(tokens));
                        sessions.computeIfPresent(reference, (key, current) ->
                                current.tokens() == session.tokens() ? renewed : current);
                        // the same reference with a new lifetime (Max-Age), as Quarkus sets its cookie
                        context.response().headers().add(HttpHeaders.SET_COOKIE, Cookie.cookie(SESSION_COOKIE, reference)
                                .setPath(config.authentication().cookiePath()).setHttpOnly(true).setMaxAge(age.toSeconds())
                                .setSameSite(CookieSameSite.valueOf(config.authentication().cookieSameSite().name()))
                                .setSecure("https".equals(context.request().scheme())).encode());
                    })
                    // Keycloak refused: the session is over; Keycloak unreachable: the tokens as they are, for now
                    .onFailure(AuthenticationFailedException.class).invoke(ended -> sessions.remove(reference))
                    .onFailure(failure -> !(failure instanceof AuthenticationFailedException))
                    .recoverWithItem(session.tokens());
        }
        return Uni.createFrom().item(session.tokens());
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig config, String reference,
                                  OidcRequestContext<Void> requestContext) {
        sessions.remove(reference);
        return Uni.createFrom().voidItem();
    }

    /** The account of a live session, read before authentication runs (rate limits, sign-in checks). */
    public Optional<String> subject(String reference) {
        return live(reference).map(Session::subject);
    }

    /** The identity verified for the session's current tokens, while they are not due for renewal. */
    public Optional<SecurityIdentity> verifiedIdentity(String reference) {
        return live(reference).filter(session -> session.identity() != null && session.renewAt().isAfter(Instant.now()))
                .map(Session::identity);
    }

    /** A mark to pass to {@link #remember} for an identity whose verification starts now. */
    public long logoutsSoFar() {
        return logouts.get();
    }

    /**
     * Keeps the identity Quarkus OIDC has just verified for the session, if it was built from the session's current
     * tokens and no back-channel logout has arrived since its verification started (it may have missed it).
     */
    public void remember(String reference, SecurityIdentity identity, long logoutsBefore) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (reference == null || token == null) {
            return;
        }
        // checked under the entry's lock: forgetVerifiedIdentities counts first, then clears entry by entry
        sessions.computeIfPresent(reference, (key, session) -> logouts.get() == logoutsBefore
                && token.getToken().equals(session.tokens().getAccessToken())
                ? new Session(session.tokens(), session.subject(), session.expires(), session.renewAt(), identity)
                : session);
    }

    /** A back-channel logout has arrived: every session is verified again, so that Quarkus applies the logout. */
    public void forgetVerifiedIdentities() {
        logouts.incrementAndGet();
        sessions.replaceAll((reference, session) -> session.identity() == null ? session
                : new Session(session.tokens(), session.subject(), session.expires(), session.renewAt()));
    }

    private Optional<Session> live(String reference) {
        Session session = reference == null ? null : sessions.get(reference);
        return session != null && session.live(Instant.now()) ? Optional.of(session) : Optional.empty();
    }

    /** The subject of an ID token Quarkus has just verified. */
    private static String subjectOf(String idToken) {
        byte[] payload = Base64.getUrlDecoder().decode(idToken.split("\\.")[1]);
        return new JsonObject(new String(payload, StandardCharsets.UTF_8)).getString("sub");
    }

    private static String reference() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
