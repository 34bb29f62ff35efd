package fr.academie.iprof.cv;

import fr.academie.iprof.access.Readers;
import fr.academie.iprof.agent.RecordAccessPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** The CV: the person's to write (at {@code me} only), HR's to read. */
@Path("/agents/{ref}/cv")
@Produces(MediaType.APPLICATION_JSON)
public class CvResource {

    private final CvService cv;
    private final Readers readers;

    public CvResource(CvService cv, Readers readers) {
        this.cv = cv;
        this.readers = readers;
    }

    @GET
    public List<CvService.CvView> list(@PathParam("ref") String ref) {
        return cv.of(ref, readers.current()).orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public CvService.CvView add(@PathParam("ref") String ref,
                                @Valid @NotNull(message = "envoyez la ligne du CV") CvService.CvInput input) {
        RecordAccessPolicy.requireMe(ref);
        return cv.add(readers.current(), input).orElseThrow(() -> RecordAccessPolicy.notFound(RecordAccessPolicy.ME));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CvService.CvView change(@PathParam("ref") String ref, @PathParam("id") UUID id,
                                   @Valid @NotNull(message = "envoyez la ligne du CV") CvService.CvInput input) {
        RecordAccessPolicy.requireMe(ref);
        return cv.change(readers.current(), id, input).orElseThrow(() -> RecordAccessPolicy.notFound(RecordAccessPolicy.ME));
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public void remove(@PathParam("ref") String ref, @PathParam("id") UUID id) {
        RecordAccessPolicy.requireMe(ref);
        if (!cv.remove(readers.current(), id)) {
            throw RecordAccessPolicy.notFound(RecordAccessPolicy.ME);
        }
    }
}
