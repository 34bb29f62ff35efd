package fr.academie.iprof.agent;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.iprof.access.AccessLog;
import fr.academie.iprof.access.Readers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** "Qui a consulté mon dossier": the reads of the person's record by anyone else, for her alone. */
@Path("/agents/{ref}/access-log")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    private final RecordAccessPolicy records;
    private final AccessLog log;
    private final Readers readers;

    public AccessLogResource(RecordAccessPolicy records, AccessLog log, Readers readers) {
        this.records = records;
        this.log = log;
        this.readers = readers;
    }

    @GET
    public Page<AccessLog.AccessView> list(@PathParam("ref") String ref, @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") Integer limit) {
        RecordAccessPolicy.requireMe(ref);
        Cursor after = Cursor.decode(cursor);
        int size = Cursor.limit(limit);
        return records.own(readers.current()).map(agent -> log.of(agent.id, after, size))
                .orElseThrow(() -> RecordAccessPolicy.notFound(ref));
    }
}
