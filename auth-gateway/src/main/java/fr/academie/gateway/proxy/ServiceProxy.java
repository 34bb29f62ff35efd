package fr.academie.gateway.proxy;

import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import fr.academie.gateway.config.GatewayConfig;
import fr.academie.common.problem.ProblemWriter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Relays {@code /api/<service>/**} to the service with the signed-in person's access token, streaming the
 * bodies both ways (attachments are never held whole in memory). The browser's cookies never leave the
 * gateway and the services' own {@code /q/} endpoints are not reachable through it.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the gateway's own credentials: never relayed. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "cookie", "set-cookie", "authorization");

    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final Vertx vertx;
    private final OpenTelemetry telemetry;
    private HttpClient client;

    public ServiceProxy(GatewayConfig config, ProblemWriter problems, Vertx vertx, OpenTelemetry telemetry) {
        this.config = config;
        this.telemetry = telemetry;
        this.problems = problems;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(50));
        Map<String, Target> targets = Map.of(
                "mail", new Target(config.mailUrl(), "de messagerie"),
                "iprof", new Target(config.iprofUrl(), "I-Prof"),
                "colibris", new Target(config.colibrisUrl(), "Colibris"));
        targets.forEach((name, target) -> router.route("/api/" + name + "/*")
                .handler(context -> relay(context, "/api/" + name, target)));
    }

    /** A service behind the gateway, and how to name it to a person when it does not answer. */
    private record Target(URI base, String label) {

        int port() {
            return base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        }
    }

    private void relay(RoutingContext context, String prefix, Target target) {
        HttpServerRequest request = context.request();
        request.pause();
        String path = context.normalizedPath().substring(prefix.length());
        if (path.isEmpty() || path.equals("/q") || path.startsWith("/q/")) {
            problem(context.response(), ProblemException.unknownAddress().toProblem());
            return;
        }
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        identity.subscribe().with(
                person -> {
                    if (person.isAnonymous()) {
                        problem(context.response(), ProblemException.unauthenticated().toProblem());
                    } else {
                        try {
                            forward(context, target, path, person.getCredential(AccessTokenCredential.class).getToken());
                        } catch (RuntimeException e) {
                            context.fail(e);
                        }
                    }
                },
                failure -> problem(context.response(), ProblemException.unauthenticated().toProblem()));
    }

    private void forward(RoutingContext context, Target target, String path, String accessToken) {
        HttpServerRequest request = context.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(target.base().getHost())
                .setPort(target.port())
                .setSsl("https".equals(target.base().getScheme()))
                // silent that long (no byte of the answer): a timeout, answered 504
                .setIdleTimeout(config.idleTimeout().toMillis())
                .setURI(target.base().getPath().replaceAll("/$", "") + path + (query == null ? "" : "?" + query));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(request.headers(), headers);
        // the trace goes on from the gateway's span (W3C trace context), whatever the browser sent
        headers.remove("traceparent").remove("tracestate");
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, MultiMap::set);
        headers.set("Authorization", "Bearer " + accessToken);
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        options.setHeaders(headers);
        client.request(options)
                .compose(outbound -> hasBody(request) ? outbound.send(request) : outbound.send())
                .onSuccess(response -> respond(context, response))
                .onSuccess(response -> {
                    if (response.statusCode() >= 500) {
                        LOG.errorf("Relay to %s%s: %d, incident %s", target.base(), path, response.statusCode(),
                                response.getHeader(Problem.INCIDENT_HEADER));
                    }
                })
                .onFailure(failure -> unavailable(context, target, failure));
    }

    /** The service did not answer (502), or not within the idle timeout (504): said with a reference, logged with it. */
    private void unavailable(RoutingContext context, Target target, Throwable failure) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        boolean slow = failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("Relay to %s failed (%s), incident %s: %s", target.base(), slow ? "timeout" : "unreachable", incident,
                failure.getMessage());
        problem(context.response(), slow
                ? new Problem("urn:portail:service-timeout", "Service trop lent", 504, "Le service " + target.label()
                + " met trop de temps à répondre. Réessayez dans quelques minutes ; si cela persiste, communiquez la "
                + "référence " + incident + " à l'assistance.", null, incident)
                : new Problem("urn:portail:service-unavailable", "Service indisponible", 502, "Le service "
                + target.label() + " ne répond pas pour le moment. Réessayez dans quelques minutes ; si cela persiste, "
                + "communiquez la référence " + incident + " à l'assistance.", null, incident));
    }

    /** A request announces its body by a length or by chunks (RFC 9112 §6.3); piping one without would never end. */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.headers().contains("Transfer-Encoding") || (length != null && !length.equals("0"));
    }

    private static void respond(RoutingContext context, HttpClientResponse upstream) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) { // the browser has gone (navigated away, closed the tab)
            upstream.handler(chunk -> { }).exceptionHandler(ignored -> { });
            return;
        }
        // the browser leaves in the middle of a long answer (the live mail feed, a download): the service's answer is
        // dropped there, or its next chunk would be written to a closed response (Vert.x: "already been written")
        context.addEndHandler(ended -> {
            if (ended.failed()) {
                upstream.request().reset();
            }
        });
        response.setStatusCode(upstream.statusCode());
        copy(upstream.headers(), response.headers());
        if (!upstream.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        upstream.pipeTo(response);
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!NOT_RELAYED.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private void problem(HttpServerResponse response, Problem problem) {
        problems.write(response, problem);
    }
}
