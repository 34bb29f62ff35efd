package fr.academie.common.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Map;

/**
 * What every request must be before anything reads it, checked ahead of authentication: an address of at most
 * {@value #MAX_URI} characters (414), no character PostgreSQL cannot store (NUL) nor a lone surrogate in the path or
 * a query parameter (400 naming the parameter). And the HTTP layer's own refusals (413 body too large, 414, 431)
 * answered as problems in French like every other.
 */
@ApplicationScoped
public class RequestLimits {

    /** Longer than any address the portal makes (a search of a few hundred characters); the codec allows 64 KB. */
    public static final int MAX_URI = 8 * 1024;
    private static final Map<Integer, Problem> HTTP_REFUSALS = Map.of(
            413, new Problem("urn:portail:too-large", "Envoi trop volumineux", 413,
                    "Le contenu envoyé dépasse la taille permise.", null, null),
            414, tooLong(),
            431, new Problem("urn:portail:headers-too-large", "En-têtes trop volumineux", 431,
                    "La requête porte des en-têtes trop volumineux : fermez puis rouvrez le navigateur.", null, null));

    private final ProblemWriter problems;

    public RequestLimits(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 900); // after the gateway's security headers (1000), before everything else
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Problem refusal = HTTP_REFUSALS.get(context.statusCode());
            if (refusal != null && !context.response().ended()) {
                problems.write(context.response(), refusal);
            } else {
                context.next();
            }
        });
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI) {
            problems.write(context.response(), tooLong());
            return;
        }
        String path = context.request().path();
        if (path != null && (path.indexOf('\0') >= 0 || path.toLowerCase(Locale.ROOT).contains("%00"))) {
            problems.write(context.response(), refused("l'adresse", null));
            return;
        }
        String query = context.request().query();
        if (query != null && !query.isEmpty()) {
            String field = parameterRefused(context);
            if (field != null) {
                problems.write(context.response(), refused("le paramètre « " + field + " »", field));
                return;
            }
        }
        context.next();
    }

    /** The first query parameter (name or value) holding a character refused, or null. */
    private static String parameterRefused(RoutingContext context) {
        MultiMap parameters;
        try {
            parameters = context.queryParams();
        } catch (RuntimeException malformed) { // an escape that is not one (%zz): Vert.x cannot decode the query
            return "?";
        }
        for (Map.Entry<String, String> parameter : parameters) {
            if (!Text.storable(parameter.getKey())) {
                return "?";
            }
            if (!Text.storable(parameter.getValue())) {
                return parameter.getKey();
            }
        }
        return null;
    }

    private static Problem refused(String where, String field) {
        return new Problem("urn:portail:invalid-input", "Requête invalide", 400, "Requête refusée : "
                + where + " contient un caractère non permis (caractère nul ou mal codé).", field, null);
    }

    private static Problem tooLong() {
        return new Problem("urn:portail:uri-too-long", "Adresse trop longue", 414, "L'adresse demandée est trop longue"
                + " : raccourcissez la recherche ou les critères.", null, null);
    }
}
