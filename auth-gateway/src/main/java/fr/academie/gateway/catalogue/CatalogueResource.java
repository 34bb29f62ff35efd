package fr.academie.gateway.catalogue;

import fr.academie.common.page.Page;
import fr.academie.common.realm.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The home page's applications: those of the catalogue that the signed-in person's roles see. */
@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CatalogueResource {

    private final ApplicationCatalogue catalogue;
    private final SecurityIdentity identity;

    public CatalogueResource(ApplicationCatalogue catalogue, SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.identity = identity;
    }

    @GET
    public Page<ApplicationCatalogue.Application> list() {
        return new Page<>(catalogue.visibleTo(Roles.heldBy(identity::hasRole)), null);
    }
}
