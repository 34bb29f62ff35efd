package fr.academie.gateway.me;

import fr.academie.common.realm.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;

    /** In a web-app, the injected {@link JsonWebToken} is the ID token of the session. */
    public MeResource(SecurityIdentity identity, JsonWebToken idToken) {
        this.identity = identity;
        this.idToken = idToken;
    }

    @GET
    public Me me() {
        return new Me(idToken.getClaim("preferred_username"), idToken.getClaim("name"), idToken.getClaim("email"),
                Roles.heldBy(identity::hasRole), idToken.getClaim("uai"));
    }
}
