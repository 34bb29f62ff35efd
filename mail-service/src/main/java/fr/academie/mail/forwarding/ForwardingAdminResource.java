package fr.academie.mail.forwarding;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.realm.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The forwarding audit log of everyone, for the académie's administrators (of one address when asked). */
@Path("/admin/forwarding/journal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ForwardingAdminResource {

    private final ForwardingJournal journal;

    public ForwardingAdminResource(ForwardingJournal journal) {
        this.journal = journal;
    }

    @GET
    public Page<ForwardingJournal.Entry> journal(
            @QueryParam("address") @Size(max = 320, message = "une adresse a 320 caractères au plus")
            @Pattern(regexp = "[^\\x00-\\x1f]*", message = "une adresse ne contient pas de caractère de contrôle") String address,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return journal.all(address, Cursor.limit(limit), Cursor.decode(cursor));
    }
}
