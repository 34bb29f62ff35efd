package fr.academie.gateway.account;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * {@code /api/compte/applications}: the applications the signed-in person used her account for, what each receives
 * about her, and the end of her sessions in one of them. Always her own account (the ID token's subject).
 */
@Path("/api/compte/applications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ApplicationResource {

    private final KeycloakAccounts accounts;
    private final JsonWebToken idToken;
    private final String portalClient;

    public ApplicationResource(KeycloakAccounts accounts, JsonWebToken idToken,
                               @ConfigProperty(name = "quarkus.oidc.client-id") String portalClient) {
        this.accounts = accounts;
        this.idToken = idToken;
        this.portalClient = portalClient;
    }

    /**
     * An application she signed in to (in the journal's year) or has a session in: what it receives about her, in the
     * realm's words, her last sign-in to it, her sessions open in it; {@code portal}: this portal (left by signing out).
     */
    public record Application(String clientId, String name, String receives, Instant lastSignIn, int openSessions,
                              boolean portal) {

        public static Application of(PortailAdminApi.Application application, String portalClient) {
            return new Application(application.clientId(), application.name(), application.receives(),
                    application.lastSignIn() == null ? null : Instant.ofEpochMilli(application.lastSignIn()),
                    application.openSessions(), application.clientId().equals(portalClient));
        }
    }

    @GET
    public Page<Application> applications() {
        return Page.all(accounts.applications(idToken.getSubject()).stream()
                .map(application -> Application.of(application, portalClient)).toList());
    }

    /** Ends her sessions in one application; the portal's own end by signing out, or from the list of devices. */
    @DELETE
    @Path("{clientId}/sessions")
    public void endSessions(@PathParam("clientId") String clientId) {
        if (clientId.equals(portalClient)) {
            throw ProblemException.conflict("urn:portail:gateway:portal-application", "Session du portail",
                    "Pour quitter le portail lui-même, utilisez « Se déconnecter » ou la liste de vos appareils.", null);
        }
        accounts.endApplicationSessions(idToken.getSubject(), clientId).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:gateway:unknown-application", "Vous ne vous êtes connecté(e) à aucune application de ce nom."));
    }
}
