package fr.academie.colibris.outbox;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.realm.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * HR's view of the notifications: those not delivered yet (by default), with their attempts and last error — a
 * mail-service outage shows here as a growing list that empties by itself once it is back — or all of them.
 */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HR)
public class DeliveryResource {

    @GET
    public Page<DeliveryView> list(@QueryParam("waiting") @DefaultValue("true") boolean waiting,
                               @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Parameters parameters = new Parameters();
        List<String> where = new ArrayList<>();
        if (waiting) {
            where.add("deliveredAt is null");
        }
        if (after != null) {
            where.add(Cursor.after("createdAt"));
            after.parameters().forEach(parameters::and);
        }
        List<Notice> rows = Notice.<Notice>find((where.isEmpty() ? "" : String.join(" and ", where) + " ")
                + "order by createdAt desc, id desc", parameters).range(0, size).list();
        return Page.of(rows, size, n -> new Cursor(n.createdAt, n.id), DeliveryView::of);
    }
}
