package fr.academie.gateway.guard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Keycloak answers, asked before a visit is sent to sign in there: a browser sent to a Keycloak that is down
 * meets its own connection error, in English; the gateway shows a French page instead. The question is its discovery
 * document, 2 s at most; "it answers" is remembered a second (a sign-in wave asks once a second), "it does not" five
 * seconds (an outage is not probed at every visit).
 */
@ApplicationScoped
public class KeycloakReachability {

    private static final Logger LOG = Logger.getLogger(KeycloakReachability.class);
    private static final Duration UP_REMEMBERED = Duration.ofSeconds(1);
    private static final Duration DOWN_REMEMBERED = Duration.ofSeconds(5);

    private record Answer(boolean up, Instant at) {
    }

    private final WebClient http;
    private final String discovery;
    private final AtomicReference<Answer> last = new AtomicReference<>(new Answer(true, Instant.EPOCH));

    public KeycloakReachability(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000));
        this.discovery = realmUrl + "/.well-known/openid-configuration";
    }

    /** Completes with whether Keycloak answered its discovery document lately (or now). */
    public Future<Boolean> up() {
        Answer known = last.get();
        if (known.at().plus(known.up() ? UP_REMEMBERED : DOWN_REMEMBERED).isAfter(Instant.now())) {
            return Future.succeededFuture(known.up());
        }
        return http.getAbs(discovery).timeout(Duration.ofSeconds(2).toMillis()).send()
                .map(response -> response.statusCode() == 200)
                .otherwise(false)
                .onSuccess(up -> {
                    if (up != last.getAndSet(new Answer(up, Instant.now())).up()) {
                        LOG.warnf("Keycloak %s (%s)", up ? "answers again" : "does not answer", discovery);
                    }
                });
    }
}
