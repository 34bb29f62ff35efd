package fr.academie.gateway.session;

import fr.academie.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the person's tokens on the server: the session cookie carries only a random reference. So the browser never
 * holds a token, and a session ended here (sign-out) cannot be replayed with an old cookie, which a self-contained
 * cookie would allow until its tokens expire.
 *
 * <p>The sessions live in the gateway's database ({@link SessionStore}, tokens encrypted by {@link SessionCipher}):
 * any replica serves any session, a restart or a rolling update signs nobody out. Each replica serves a session from
 * its memory for {@code gateway.sessions.remembered} (1 s) at most before reading it again, which is how a
 * back-channel logout received by one replica (it deletes the rows) reaches the others within that delay.
 *
 * <p>Tokens near their expiry are renewed once per session across replicas: the one request that takes the row's
 * lease runs the grant ({@link SessionRefresher}); every other request, on this replica or another, waits for the
 * row's new version.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokenStateManager implements TokenStateManager {

    /** Quarkus's session cookie (default tenant). */
    public static final String SESSION_COOKIE = "q_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long one replica may hold the renewal of a session before another may take it over. */
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);

    /** A session as this replica last read it, and when. */
    private record Remembered(SessionStore.Stored session, Instant read) {
    }

    /** The identity Quarkus OIDC verified for one access token of a session. */
    private record Verified(String accessToken, SecurityIdentity identity) {
    }

    /** Whose a session is, known to this replica until the session's end. */
    private record Owner(String subject, Instant expires) {
    }

    private final Counter renewals;
    private final Counter signIns;
    private final SessionStore store;
    private final SessionRefresher refresher;
    private final Vertx vertx;
    private final Duration remembered;
    private final Map<String, Remembered> sessions = new ConcurrentHashMap<>();
    private final Map<String, Verified> identities = new ConcurrentHashMap<>();
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    /** Moves on at each back-channel logout: an identity verified before one is never remembered after it. */
    private final AtomicLong logouts = new AtomicLong();

    public ServerSideTokenStateManager(SessionStore store, SessionRefresher refresher, Vertx vertx, GatewayConfig config,
                                       MeterRegistry metrics) {
        this.renewals = Counter.builder("portail.sessions.renewals")
                .description("Token renewals this replica made for sessions (one per session across replicas)")
                .register(metrics);
        this.signIns = Counter.builder("portail.sign-ins")
                .description("Sign-ins completed through this replica (a session opened)").register(metrics);
        this.store = store;
        this.refresher = refresher;
        this.vertx = vertx;
        this.remembered = config.sessions().remembered();
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig config, AuthorizationCodeTokens tokens,
                                        OidcRequestContext<String> requestContext) {
        Instant now = Instant.now();
        Long maxAge = context.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        String reference = reference();
        JsonObject idToken = claims(tokens.getIdToken());
        SessionStore.Stored session = new SessionStore.Stored(idToken.getString("sub"), idToken.getString("sid"),
                tokens, now.plusSeconds(maxAge == null ? 36_000 : maxAge), refresher.renewAt(tokens), 0);
        return blocking(() -> {
            store.insert(reference, session);
            remember(reference, session);
            signIns.increment();
            return reference;
        });
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig config, String reference,
                                                  OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        Remembered memory = sessions.get(reference);
        Uni<Optional<SessionStore.Stored>> session = memory != null && fresh(memory, Instant.now())
                ? Uni.createFrom().item(Optional.of(memory.session())) : blocking(() -> read(reference));
        return session.chain(found -> {
            if (found.isEmpty() || !found.get().expires().isAfter(Instant.now())) {
                forget(reference);
                return Uni.createFrom().failure(new AuthenticationFailedException("Session ended"));
            }
            SessionStore.Stored live = found.get();
            if (live.tokens().getRefreshToken() == null || live.renewAt().isAfter(Instant.now())) {
                return Uni.createFrom().item(live.tokens());
            }
            return renew(context, config, reference, live);
        });
    }

    /** Renews the tokens (this replica holds the lease) or waits for the replica that does. */
    private Uni<AuthorizationCodeTokens> renew(RoutingContext context, OidcTenantConfig config, String reference,
                                               SessionStore.Stored live) {
        return blocking(() -> store.claimRenewal(reference, live.version(), LEASE)).chain(claimed -> {
            if (!claimed) {
                return blocking(() -> renewedElsewhere(reference, live.version()));
            }
            return refresher.refresh(reference, live.tokens())
                    .chain(tokens -> {
                        // the session lives on as Quarkus would have extended it: here, and in the browser's cookie
                        Duration age = refresher.sessionAge(tokens);
                        SessionStore.Stored renewed = new SessionStore.Stored(live.subject(), live.keycloakSession(),
                                tokens, Instant.now().plus(age), refresher.renewAt(tokens), live.version() + 1);
                        return blocking(() -> keep(reference, live.version(), renewed)).invoke(() -> context.response()
                                .headers().add(HttpHeaders.SET_COOKIE, Cookie.cookie(SESSION_COOKIE, reference)
                                        .setPath(config.authentication().cookiePath()).setHttpOnly(true)
                                        .setMaxAge(age.toSeconds())
                                        .setSameSite(CookieSameSite.valueOf(config.authentication().cookieSameSite().name()))
                                        .setSecure("https".equals(context.request().scheme())).encode()));
                    })
                    // Keycloak refused: the session is over; Keycloak unreachable: the tokens as they are, for now
                    .onFailure(AuthenticationFailedException.class).call(ended -> blocking(() -> {
                        store.delete(reference);
                        forget(reference);
                        return null;
                    }))
                    .onFailure(failure -> !(failure instanceof AuthenticationFailedException))
                    .recoverWithUni(unreachable -> blocking(() -> {
                        store.release(reference, live.version());
                        return live.tokens();
                    }));
        });
    }

    /**
     * Keeps the renewed tokens; if the row moved on meanwhile (this replica's lease ran out and another renewed), the
     * tokens it holds now; if it is gone, the session has ended.
     */
    private AuthorizationCodeTokens keep(String reference, long version, SessionStore.Stored renewed) {
        if (store.renewed(reference, version, renewed.tokens(), renewed.expires(), renewed.renewAt())) {
            renewals.increment();
            remember(reference, renewed);
            return renewed.tokens();
        }
        return read(reference).map(SessionStore.Stored::tokens)
                .orElseThrow(() -> new AuthenticationFailedException("Session ended during its renewal"));
    }

    /** Waits (on a worker thread) for the replica holding the lease to keep the renewed tokens. */
    private AuthorizationCodeTokens renewedElsewhere(String reference, long version) throws InterruptedException {
        Instant deadline = Instant.now().plus(LEASE).plus(WAIT_STEP);
        while (Instant.now().isBefore(deadline)) {
            Optional<SessionStore.Stored> now = read(reference);
            if (now.isEmpty()) {
                throw new AuthenticationFailedException("Session ended during its renewal");
            }
            if (now.get().version() > version) {
                return now.get().tokens();
            }
            Thread.sleep(WAIT_STEP.toMillis());
        }
        // the other replica went silent (its lease ran out): the tokens as they are; the next call renews them
        return read(reference).map(SessionStore.Stored::tokens)
                .orElseThrow(() -> new AuthenticationFailedException("Session ended"));
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig config, String reference,
                                  OidcRequestContext<Void> requestContext) {
        forget(reference);
        return blocking(() -> {
            store.delete(reference);
            return null;
        });
    }

    /**
     * The account of a session this replica knows (rate limits, sign-in checks, read before authentication, on the
     * event loop): empty for one it has not read yet; {@link #find} asks the database.
     */
    public Optional<String> subject(String reference) {
        Owner owner = reference == null ? null : owners.get(reference);
        return owner != null && owner.expires().isAfter(Instant.now()) ? Optional.of(owner.subject()) : Optional.empty();
    }

    /** The account of a live session, from the database (blocking: a worker thread). */
    public Optional<String> find(String reference) {
        return read(reference).map(SessionStore.Stored::subject);
    }

    /**
     * The identity verified for the session's current tokens, while they are not due for renewal: from memory when
     * this replica read the session within {@code remembered}, otherwise after reading it again (a worker thread).
     * Empty when there is none: Quarkus OIDC then verifies the tokens again.
     */
    public Uni<Optional<SecurityIdentity>> verifiedIdentity(String reference) {
        if (reference == null || !identities.containsKey(reference)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Remembered memory = sessions.get(reference);
        if (memory != null && fresh(memory, Instant.now())) {
            return Uni.createFrom().item(identityFor(reference));
        }
        return blocking(() -> {
            read(reference);
            return identityFor(reference);
        });
    }

    private Optional<SecurityIdentity> identityFor(String reference) {
        Remembered memory = sessions.get(reference);
        Verified verified = identities.get(reference);
        Instant now = Instant.now();
        if (memory == null || verified == null || !fresh(memory, now) || !memory.session().renewAt().isAfter(now)
                || !verified.accessToken().equals(memory.session().tokens().getAccessToken())) {
            return Optional.empty();
        }
        return Optional.of(verified.identity());
    }

    /** A mark to pass to {@link #remember(String, SecurityIdentity, long)} for a verification starting now. */
    public long logoutsSoFar() {
        return logouts.get();
    }

    /**
     * Keeps the identity Quarkus OIDC has just verified for the session, if no back-channel logout has arrived since
     * its verification started (it may have missed it).
     */
    public void remember(String reference, SecurityIdentity identity, long logoutsBefore) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (reference != null && token != null && logouts.get() == logoutsBefore) {
            identities.put(reference, new Verified(token.getToken(), identity));
            if (logouts.get() != logoutsBefore) { // a logout counted while it was being kept
                identities.remove(reference);
            }
        }
    }

    /**
     * A back-channel logout has arrived, verified by Quarkus OIDC: the sessions of that Keycloak session end in the
     * database (every replica sees it within {@code remembered}), and this replica verifies every session again.
     */
    public void loggedOut(String keycloakSession) {
        logouts.incrementAndGet();
        identities.clear();
        if (keycloakSession != null) {
            sessions.entrySet().removeIf(entry -> keycloakSession.equals(entry.getValue().session().keycloakSession()));
            vertx.executeBlocking(() -> store.endKeycloakSession(keycloakSession), false);
        }
    }

    private Optional<SessionStore.Stored> read(String reference) {
        Optional<SessionStore.Stored> found = store.find(reference);
        found.ifPresentOrElse(session -> remember(reference, session), () -> forget(reference));
        return found;
    }

    private void remember(String reference, SessionStore.Stored session) {
        sessions.put(reference, new Remembered(session, Instant.now()));
        owners.put(reference, new Owner(session.subject(), session.expires()));
    }

    private void forget(String reference) {
        sessions.remove(reference);
        identities.remove(reference);
        owners.remove(reference);
    }

    private boolean fresh(Remembered memory, Instant now) {
        return memory.read().plus(remembered).isAfter(now) && memory.session().expires().isAfter(now);
    }

    /** What this replica remembers of sessions that have ended goes (bounded by the sessions alive). */
    @Scheduled(every = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEnded() {
        Instant now = Instant.now();
        owners.entrySet().removeIf(entry -> !entry.getValue().expires().isAfter(now));
        sessions.entrySet().removeIf(entry -> !fresh(entry.getValue(), now));
        identities.keySet().removeIf(reference -> !sessions.containsKey(reference));
    }

    /** Runs blocking work (the database) on a worker thread; the result comes back on the caller's event loop. */
    private <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }

    private static JsonObject claims(String jwt) {
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return new JsonObject(new String(payload, StandardCharsets.UTF_8));
    }

    private static String reference() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
