package fr.academie.iprof.agent;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.Readers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Career records: one's own ({@code me}), any for HR (who also changes them), a school's summaries for its head. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentService agents;
    private final AgentDirectory directory;
    private final Readers readers;

    public AgentResource(AgentService agents, AgentDirectory directory, Readers readers) {
        this.agents = agents;
        this.directory = directory;
        this.readers = readers;
    }

    @GET
    @RolesAllowed({Roles.HR, Roles.HEAD_OF_SCHOOL})
    public Page<CareerSummary> list(@QueryParam("uai") String uai, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") Integer limit) {
        return directory.list(readers.current(), uai, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/{ref}")
    public CareerRecord record(@PathParam("ref") String ref) {
        return agents.record(ref, readers.current()).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @PUT
    @Path("/{ref}/career")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HR)
    public CareerRecord change(@PathParam("ref") String ref,
                               @Valid @NotNull(message = "envoyez les données de carrière") CareerInput input) {
        return agents.change(ref, readers.current(), input).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @GET
    @Path("/{ref}/summary")
    public CareerSummary summary(@PathParam("ref") String ref) {
        return agents.summary(ref, readers.current()).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }
}
