package fr.academie.gateway.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renews a session's tokens shortly before Quarkus would, once per session however many requests arrive together
 * (several tabs, a page's parallel API calls): the first request runs the refresh-token grant, the others wait for
 * its result, and the session keeps its reference, so no tab is left with a cookie that no longer works. Keycloak
 * refusing the grant (session idle or past its maximum, ended elsewhere) ends the gateway's session too.
 */
@ApplicationScoped
public class SessionRefresher {

    private static final Logger LOG = Logger.getLogger(SessionRefresher.class);
    /** Ahead of Quarkus's own refresh (refresh-token-time-skew), so that it finds the tokens already fresh. */
    private static final Duration AHEAD = Duration.ofSeconds(5);
    /**
     * Renewed at least this long before they expire, well before Quarkus would refresh by itself: while Keycloak does
     * not answer, the session goes on with its current tokens for nearly that long (the renewal is tried again at each
     * call) instead of failing as soon as the renewal window opens.
     */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(65);
    /**
     * How long a finished renewal stays shared: a request that read the session's tokens just before the renewed ones
     * replaced them gets the same answer instead of a second grant with the same refresh token (seen in CI).
     */
    private static final Duration SHARED = Duration.ofSeconds(30);

    private final WebClient http;
    private final String tokenEndpoint;
    private final String clientId;
    private final String secret;
    private final Duration renewAhead;
    private final Duration extension;
    private final Vertx vertx;
    private final Map<String, Renewal> renewals = new ConcurrentHashMap<>();

    /** A renewal of a session's tokens, from the refresh token it used. */
    private record Renewal(String from, Uni<AuthorizationCodeTokens> result) {
    }

    public SessionRefresher(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
                            @ConfigProperty(name = "quarkus.oidc.credentials.secret") String secret,
                            @ConfigProperty(name = "quarkus.oidc.token.refresh-token-time-skew") Duration skew,
                            @ConfigProperty(name = "quarkus.oidc.authentication.session-age-extension") Duration extension) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.tokenEndpoint = realmUrl + "/protocol/openid-connect/token"; // Keycloak's, as its discovery document says
        this.clientId = clientId;
        this.secret = secret;
        this.renewAhead = skew.plus(AHEAD).compareTo(RENEW_BEFORE_EXPIRY) > 0 ? skew.plus(AHEAD) : RENEW_BEFORE_EXPIRY;
        this.extension = extension;
    }

    /** When the tokens enter Quarkus's refresh window (plus a margin): from then on they are renewed here. */
    public Instant renewAt(AuthorizationCodeTokens tokens) {
        Instant idToken = expiry(tokens.getIdToken());
        Instant accessToken = expiry(tokens.getAccessToken());
        Instant first = idToken.isBefore(accessToken) ? idToken : accessToken;
        return first.equals(Instant.MAX) ? first : first.minus(renewAhead);
    }

    /** How long a session lives past a renewal: to the new ID token's expiry, plus the configured extension. */
    public Duration sessionAge(AuthorizationCodeTokens tokens) {
        return Duration.between(Instant.now(), expiry(tokens.getIdToken())).plus(extension);
    }

    /** The session's renewed tokens; the calls for one session that hold the same tokens share one grant. */
    public Uni<AuthorizationCodeTokens> refresh(String session, AuthorizationCodeTokens tokens) {
        return renewals.compute(session, (key, current) -> current != null
                && current.from().equals(tokens.getRefreshToken()) ? current : renewal(key, tokens)).result();
    }

    private Renewal renewal(String session, AuthorizationCodeTokens tokens) {
        AtomicReference<Renewal> self = new AtomicReference<>();
        // a failure (Keycloak unreachable) is not shared on: the next call tries again
        Renewal renewal = new Renewal(tokens.getRefreshToken(), grant(tokens)
                .onFailure().invoke(() -> renewals.remove(session, self.get()))
                .onItem().invoke(() -> vertx.setTimer(SHARED.toMillis(), timer -> renewals.remove(session, self.get())))
                .memoize().indefinitely());
        self.set(renewal);
        return renewal;
    }

    private Uni<AuthorizationCodeTokens> grant(AuthorizationCodeTokens tokens) {
        String form = "grant_type=refresh_token&refresh_token=" + encode(tokens.getRefreshToken())
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        return http.postAbs(tokenEndpoint).putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(form))
                .onItem().transform(response -> renewed(response, tokens));
    }

    private static AuthorizationCodeTokens renewed(HttpResponse<Buffer> response, AuthorizationCodeTokens old) {
        if (response.statusCode() != 200) {
            // the Keycloak session has ended: this one ends too (its body holds no secret, only the error)
            LOG.debugf("Refresh refused by Keycloak (%d): %s", response.statusCode(), response.bodyAsString());
            throw new AuthenticationFailedException("Session ended at Keycloak");
        }
        JsonObject body = response.bodyAsJsonObject();
        return new AuthorizationCodeTokens(body.getString("id_token", old.getIdToken()), body.getString("access_token"),
                body.getString("refresh_token", old.getRefreshToken()), body.getLong("expires_in"));
    }

    private static Instant expiry(String jwt) {
        if (jwt == null) {
            return Instant.MAX;
        }
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        Long exp = new JsonObject(new String(payload, StandardCharsets.UTF_8)).getLong("exp");
        return exp == null ? Instant.MAX : Instant.ofEpochSecond(exp);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
