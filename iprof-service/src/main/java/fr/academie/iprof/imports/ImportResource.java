package fr.academie.iprof.imports;

import fr.academie.common.realm.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * HR's CSV imports (formats in the service README): {@code dryRun=true} reports without writing;
 * {@code skipInvalid=true} writes the good lines of a file that has bad ones, which is otherwise refused whole.
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
@RolesAllowed(Roles.HR)
public class ImportResource {

    private final AgentImport agents;
    private final GridImport grids;

    public ImportResource(AgentImport agents, GridImport grids) {
        this.agents = agents;
        this.grids = grids;
    }

    @POST
    @Path("/agents")
    public ImportReport agents(byte[] file, @QueryParam("dryRun") boolean dryRun,
                               @QueryParam("skipInvalid") boolean skipInvalid) {
        return agents.run(file, dryRun, skipInvalid);
    }

    @POST
    @Path("/grids")
    public ImportReport grids(byte[] file, @QueryParam("dryRun") boolean dryRun,
                              @QueryParam("skipInvalid") boolean skipInvalid) {
        return grids.run(file, dryRun, skipInvalid);
    }
}
