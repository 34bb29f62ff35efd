package fr.academie.gateway.web;

import fr.academie.common.problem.ProblemException;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/**
 * {@code /connexion/action/{action}}: Keycloak's application-initiated actions, for the account page: change the
 * password, enrol a second factor. The gateway drops its own session (Keycloak's stays), so the next visit goes
 * to Keycloak with {@code kc_action}; Keycloak asks for the password again when the sign-in is not recent, runs
 * the action and comes back signed in, and the person lands on the account page with the outcome.
 */
@Path("/connexion/action/{action}")
@Authenticated
public class AccountActionResource {

    static final String PATH = "/connexion/action/";
    static final String KEYCLOAK = "/keycloak";
    static final Map<String, String> ACTIONS = Map.of(
            "mot-de-passe", "UPDATE_PASSWORD",
            "double-authentification", "CONFIGURE_TOTP",
            "codes-de-secours", "CONFIGURE_RECOVERY_AUTHN_CODES");

    private final OidcSession session;

    public AccountActionResource(OidcSession session) {
        this.session = session;
    }

    /** First visit: drops the gateway's session and goes to the address that leads to Keycloak. */
    @GET
    public Uni<Response> start(@PathParam("action") String action) {
        requireKnown(action);
        return session.logout().replaceWith(Response.seeOther(URI.create(PATH + action + KEYCLOAK)).build());
    }

    /** Back from Keycloak, signed in again: on to the account page with the outcome. */
    @GET
    @Path(KEYCLOAK)
    public Response done(@PathParam("action") String action,
                         @CookieParam(KeycloakActionTrip.OUTCOME_COOKIE) String status) {
        requireKnown(action);
        String outcome = status == null || !status.matches("[a-z]{1,20}") ? "success" : status;
        return Response.seeOther(URI.create("/compte?action=" + action + "&statut=" + outcome))
                .cookie(new NewCookie.Builder(KeycloakActionTrip.OUTCOME_COOKIE).path(PATH).maxAge(0).httpOnly(true).build())
                .build();
    }

    private static void requireKnown(String action) {
        if (!ACTIONS.containsKey(action)) {
            throw ProblemException.unknownAddress();
        }
    }
}
