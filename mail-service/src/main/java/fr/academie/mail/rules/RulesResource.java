package fr.academie.mail.rules;

import fr.academie.common.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's rules ("Règles de tri"): one Sieve script (or the editor's rules), whether they are all suspended,
 * tried on a folder's messages before saving, and applied to those a folder already holds.
 */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RulesService rules;
    private final RulesReplay replay;
    private final JsonWebToken token;

    public RulesResource(RulesService rules, RulesReplay replay, JsonWebToken token) {
        this.rules = rules;
        this.replay = replay;
        this.token = token;
    }

    @GET
    public RulesView get() {
        return rules.of(token.getSubject());
    }

    /** The script as a file to keep or take to another server ("Exporter"). */
    @GET
    @Path("/script")
    @Produces("application/sieve")
    public Response script() {
        return Response.ok(rules.of(token.getSubject()).script())
                .header("Content-Disposition", "attachment; filename=\"regles.sieve\"").build();
    }

    @PUT
    public RulesView save(@NotNull(message = Problem.NO_BODY) @Valid RulesInput input) {
        return rules.save(token.getSubject(), token.getClaim("email"), input);
    }

    @POST
    @Path("/trial")
    public TrialView trial(@NotNull(message = Problem.NO_BODY) @Valid TrialInput input) {
        return replay.trial(token.getSubject(), token.getClaim("email"), input);
    }

    @POST
    @Path("/application")
    public TrialView apply(@NotNull(message = Problem.NO_BODY) @Valid ApplicationInput input) {
        return replay.apply(token.getSubject(), input);
    }
}
