package fr.academie.gateway.data;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.realm.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/admin/data-requests}: every request for one's data, newest first, with the day it must be answered by. */
@Path("/api/admin/data-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DataRequestAdminResource {

    private final DataExport exports;

    public DataRequestAdminResource(DataExport exports) {
        this.exports = exports;
    }

    @GET
    public Page<DataExport.AdminView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return exports.all(Cursor.limit(limit), Cursor.decode(cursor));
    }
}
