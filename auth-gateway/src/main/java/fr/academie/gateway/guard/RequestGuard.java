package fr.academie.gateway.guard;

import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemWriter;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.gateway.session.ServerSideTokenStateManager;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs before authentication on every request. {@code /api/**}: rate limits per address and per account,
 * and a custom header on every state-changing call (a cross-site form cannot send one, and a cross-site
 * script cannot without a CORS preflight this origin never grants). A visit that would go to Keycloak
 * (a sign-in start): a rate limit per address, and a check that this browser sends cookies back, so that a
 * person whose cookies are blocked gets an explanation instead of Keycloak's "Cookie not found", and a check that
 * Keycloak answers, so that a person is told in French when signing in is impossible for a while.
 */
@ApplicationScoped
public class RequestGuard {

    /** Set before the first trip to Keycloak; its return proves the browser keeps cookies. */
    public static final String COOKIE_CHECK = "portail_cookies";
    /** The header the SPA sends with every call; required on those that change something. */
    public static final String CSRF_HEADER = "X-Portail-Request";
    private static final String SESSION_COOKIE = ServerSideTokenStateManager.SESSION_COOKIE;
    private static final Logger LOG = Logger.getLogger(RequestGuard.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final GatewayConfig.RateLimits limits;
    private final RateLimiter limiter;
    private final ServerSideTokenStateManager sessions;
    private final ProblemWriter problems;
    private final Template tooManyRequests;
    private final Template authenticationUnavailable;
    private final KeycloakReachability keycloak;
    private final List<String> publicPaths;

    public RequestGuard(GatewayConfig config, RateLimiter limiter, ServerSideTokenStateManager sessions,
                        ProblemWriter problems, @Location("trop-de-demandes.html") Template tooManyRequests,
                        @Location("authentification-indisponible.html") Template authenticationUnavailable,
                        KeycloakReachability keycloak,
                        @ConfigProperty(name = "quarkus.http.auth.permission.public.paths") List<String> publicPaths) {
        this.limits = config.rateLimit();
        this.limiter = limiter;
        this.sessions = sessions;
        this.problems = problems;
        this.tooManyRequests = tooManyRequests;
        this.authenticationUnavailable = authenticationUnavailable;
        this.keycloak = keycloak;
        this.publicPaths = publicPaths;
    }

    void register(@Observes Filters filters) {
        filters.register(SecurityHeaders::add, 1_000);
        // above Quarkus's CORS (300) and authentication (200) handlers
        filters.register(this::guard, 400);
    }

    private void guard(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            api(context);
        } else if (isSignInStart(context, path)) {
            String reference = cookie(context, SESSION_COOKIE);
            if (reference == null) {
                signInStart(context);
                return;
            }
            // a session this replica has not read yet (another replica made it, or this one before a restart): the
            // database knows; if it cannot answer, Quarkus OIDC decides, and the cookie is left alone
            context.vertx().executeBlocking(() -> sessions.find(reference), false).onComplete(found -> {
                if (found.failed() || found.result().isPresent()) {
                    context.next();
                } else {
                    signInStart(context);
                }
            });
        } else {
            context.next();
        }
    }

    private void api(RoutingContext context) {
        Optional<String> account = sessions.subject(cookie(context, SESSION_COOKIE));
        Optional<Duration> wait = limiter.spend("api-address", limits.apiPerAddress(), address(context))
                .or(() -> account.flatMap(subject -> limiter.spend("api-account", limits.apiPerAccount(), subject)));
        if (wait.isPresent()) {
            refuse(context, "api", wait.get(), false);
        } else if (!SAFE.contains(context.request().method()) && context.request().getHeader(CSRF_HEADER) == null) {
            problems.write(context.response(), new Problem("urn:portail:gateway:csrf", "Requête refusée", 403,
                    "Cette action ne vient pas d'une page du portail et a été refusée. Rechargez la page puis "
                            + "réessayez.", null, null));
        } else {
            context.next();
        }
    }

    /**
     * A page visit with no session this replica knows and not the return from Keycloak: the gateway would send it to
     * sign in, unless the database knows the session.
     */
    private boolean isSignInStart(RoutingContext context, String path) {
        HttpMethod method = context.request().method();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || isPublic(path)) {
            return false;
        }
        boolean returnFromKeycloak = context.request().getParam("state") != null
                && context.request().cookies().stream().anyMatch(cookie -> cookie.getName().startsWith("q_auth"));
        return !returnFromKeycloak && sessions.subject(cookie(context, SESSION_COOKIE)).isEmpty();
    }

    private void signInStart(RoutingContext context) {
        Optional<Duration> wait = limiter.spend("sign-in-address", limits.signInPerAddress(), address(context));
        if (wait.isPresent()) {
            refuse(context, "sign-in", wait.get(), true);
        } else if (cookie(context, SESSION_COOKIE) != null) {
            // a session that has ended (never one a browser may choose): forget it and come back, so that the visit
            // goes to sign-in instead of a bare 401
            context.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure("https".equals(context.request().scheme())));
            context.response().setStatusCode(303).putHeader("Location", context.request().uri()).end();
        } else if (cookie(context, COOKIE_CHECK) == null) {
            context.response().addCookie(Cookie.cookie(COOKIE_CHECK, "1").setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure("https".equals(context.request().scheme())));
            String back = URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8);
            context.response().setStatusCode(303).putHeader("Location", "/connexion/cookies?retour=" + back).end();
        } else {
            keycloak.up().onComplete(up -> {
                if (up.succeeded() && !up.result()) {
                    authenticationUnavailable(context);
                } else {
                    context.next();
                }
            });
        }
    }

    /** Keycloak does not answer: a French page rather than the browser's connection error at Keycloak's address. */
    private void authenticationUnavailable(RoutingContext context) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.warnf("Sign-in unavailable (Keycloak does not answer) for %s, incident %s", address(context), incident);
        String path = context.request().path();
        String retry = path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path; // never off-site
        context.response().setStatusCode(503).putHeader("Retry-After", "60")
                .putHeader("Content-Type", "text/html; charset=UTF-8")
                .end(authenticationUnavailable.data("retry", retry).data("incident", incident).render());
    }

    private void refuse(RoutingContext context, String what, Duration wait, boolean page) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        LOG.warnf("Rate limit (%s) reached by %s: refused, incident %s", what, address(context), incident);
        context.response().putHeader("Retry-After", Long.toString(seconds));
        if (page) {
            context.response().setStatusCode(429).putHeader("Content-Type", "text/html; charset=UTF-8")
                    .end(tooManyRequests.data("seconds", seconds).data("incident", incident).render());
        } else {
            problems.write(context.response(), new Problem("urn:portail:gateway:rate-limited", "Trop de demandes", 429,
                    "Trop de demandes en peu de temps depuis ce poste ou ce compte. Réessayez dans " + seconds
                            + " s ; si cela persiste, communiquez la référence " + incident + " à l'assistance.",
                    null, incident));
        }
    }

    private boolean isPublic(String path) {
        return publicPaths.stream().anyMatch(pattern -> pattern.endsWith("/*")
                ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                : path.equals(pattern));
    }

    private static String cookie(RoutingContext context, String name) {
        Cookie cookie = context.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    private static String address(RoutingContext context) {
        return context.request().remoteAddress().hostAddress();
    }
}
