package fr.academie.gateway.web;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The trip of an account action ({@link AccountActionResource}) to Keycloak and back: {@code kc_action} is added on
 * the way out; on the way back, Keycloak's {@code kc_action_status} is kept in a short cookie, because Quarkus
 * removes the query of the return address once it has exchanged the code.
 */
@ApplicationScoped
@Unremovable
public class KeycloakActionTrip implements OidcRedirectFilter {

    static final String OUTCOME_COOKIE = "portail_action";

    @Override
    public void filter(OidcRedirectContext context) {
        String path = context.routingContext().normalizedPath();
        if (isReturnAddress(path) && context.redirectUri().contains("/protocol/openid-connect/auth")) {
            String action = AccountActionResource.ACTIONS.get(path.substring(AccountActionResource.PATH.length(),
                    path.length() - AccountActionResource.KEYCLOAK.length()));
            if (action != null) {
                context.additionalQueryParams().add("kc_action", action);
            }
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::keepOutcome, 350);
    }

    private void keepOutcome(RoutingContext context) {
        String status = context.request().getParam("kc_action_status");
        if (status != null && status.matches("[a-z]{1,20}") && isReturnAddress(context.normalizedPath())) {
            context.response().addCookie(Cookie.cookie(OUTCOME_COOKIE, status).setPath(AccountActionResource.PATH)
                    .setHttpOnly(true).setSameSite(CookieSameSite.LAX).setMaxAge(300)
                    .setSecure("https".equals(context.request().scheme())));
        }
        context.next();
    }

    private static boolean isReturnAddress(String path) {
        return path.startsWith(AccountActionResource.PATH) && path.endsWith(AccountActionResource.KEYCLOAK);
    }
}
