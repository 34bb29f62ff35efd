package fr.academie.iprof.timeline;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.iprof.access.Readers;
import fr.academie.iprof.agent.RecordAccessPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The dated events of a career, newest first. */
@Path("/agents/{ref}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final TimelineService timeline;
    private final Readers readers;

    public TimelineResource(TimelineService timeline, Readers readers) {
        this.timeline = timeline;
        this.readers = readers;
    }

    @GET
    public Page<TimelineService.EventView> list(@PathParam("ref") String ref, @QueryParam("cursor") String cursor,
                                                @QueryParam("limit") Integer limit) {
        return timeline.of(ref, readers.current(), Cursor.decode(cursor), Cursor.limit(limit))
                .orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }
}
