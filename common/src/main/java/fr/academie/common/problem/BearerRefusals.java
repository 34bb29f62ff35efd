package fr.academie.common.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * A service's refusal of a call without a valid bearer token: the 401 problem in French every other refusal is, with
 * RFC 6750's {@code WWW-Authenticate: Bearer} challenge, where the HTTP security layer would answer an empty body. A
 * call without a token is refused here, ahead of that layer (which would refuse it too: every path but the public ones
 * needs a token); a token refused by it (expired, forged, another audience) is answered from its failure. Not in the
 * gateway, whose refusals send a person to sign in.
 */
@ApplicationScoped
public class BearerRefusals {

    private final ProblemWriter problems;
    private final boolean bearer;
    /** The public paths ({@code quarkus.http.auth.permission.public.paths}: {@code /q/*}), as prefixes. */
    private final List<String> open;

    public BearerRefusals(ProblemWriter problems,
                          @ConfigProperty(name = "quarkus.oidc.application-type", defaultValue = "service") String type,
                          @ConfigProperty(name = "quarkus.http.auth.permission.public.paths") Optional<List<String>> open) {
        this.problems = problems;
        this.bearer = "service".equals(type);
        this.open = open.orElse(List.of()).stream().map(path -> path.endsWith("*") ? path.substring(0, path.length() - 1)
                : path).toList();
    }

    void register(@Observes Filters filters) {
        if (bearer) {
            filters.register(this::withoutToken, 800); // after RequestLimits (900), before authentication
        }
    }

    void failures(@Observes Router router) {
        if (!bearer) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().ended()) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private void withoutToken(RoutingContext context) {
        String path = context.normalizedPath();
        String authorization = context.request().getHeader("Authorization");
        if ((authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))
                && open.stream().noneMatch(path::startsWith)) {
            refuse(context);
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        problems.write(context.response(), ProblemException.unauthenticated().toProblem());
    }
}
