package fr.academie.mail.forwarding;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's forwarding: what the académie's charter allows, accepting it, and the audit log of her forwards. */
@Path("/forwarding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForwardingResource {

    private final ForwardingService forwarding;
    private final ForwardingJournal journal;
    private final JsonWebToken token;

    public ForwardingResource(ForwardingService forwarding, ForwardingJournal journal, JsonWebToken token) {
        this.forwarding = forwarding;
        this.journal = journal;
        this.token = token;
    }

    @GET
    public ForwardingView get() {
        return forwarding.of(token.getSubject());
    }

    @PUT
    @Path("/charter")
    public ForwardingView accept(@NotNull(message = Problem.NO_BODY) @Valid CharterInput input) {
        return forwarding.accept(token.getSubject(), token.getClaim("email"), input);
    }

    @GET
    @Path("/journal")
    public Page<ForwardingJournal.Entry> journal(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return journal.of(token.getSubject(), Cursor.limit(limit), Cursor.decode(cursor));
    }
}
