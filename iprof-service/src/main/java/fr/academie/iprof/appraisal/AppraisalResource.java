package fr.academie.iprof.appraisal;

import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.Readers;
import fr.academie.iprof.agent.RecordAccessPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.UUID;

/** Rendez-vous de carrière of a record: read by the person and HR, entered by HR, observations by the person (at {@code me}). */
@Path("/agents/{ref}/appraisals")
@Produces(MediaType.APPLICATION_JSON)
public class AppraisalResource {

    private final AppraisalService appraisals;
    private final Readers readers;

    public AppraisalResource(AppraisalService appraisals, Readers readers) {
        this.appraisals = appraisals;
        this.readers = readers;
    }

    /** The person's observations on the report. */
    public record Observations(@NotBlank(message = "écrivez vos observations") @Size(max = 5000,
            message = "les observations ne peuvent dépasser 5 000 caractères") String observations) {
    }

    @GET
    public List<AppraisalView> list(@PathParam("ref") String ref) {
        return appraisals.of(ref, readers.current()).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HR)
    @ResponseStatus(201)
    public AppraisalView enter(@PathParam("ref") String ref,
                               @Valid @NotNull(message = "envoyez le rendez-vous") AppraisalInput input) {
        return appraisals.enter(ref, readers.current(), input).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HR)
    public AppraisalView change(@PathParam("ref") String ref, @PathParam("id") UUID id,
                                @Valid @NotNull(message = "envoyez le rendez-vous") AppraisalInput input) {
        return appraisals.change(ref, readers.current(), id, input).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @PUT
    @Path("{id}/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppraisalView observe(@PathParam("ref") String ref, @PathParam("id") UUID id,
                                 @Valid @NotNull(message = "envoyez vos observations") Observations body) {
        RecordAccessPolicy.requireMe(ref);
        return appraisals.observe(readers.current(), id, body.observations().strip())
                .orElseThrow(() -> RecordAccessPolicy.notFound(RecordAccessPolicy.ME));
    }
}
