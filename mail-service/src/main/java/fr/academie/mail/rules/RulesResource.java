package fr.academie.mail.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's rules ("Règles de tri"): one Sieve script, and whether they are all suspended. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RulesService rules;
    private final JsonWebToken token;

    public RulesResource(RulesService rules, JsonWebToken token) {
        this.rules = rules;
        this.token = token;
    }

    @GET
    public RulesView get() {
        return rules.of(token.getSubject());
    }

    @PUT
    public RulesView save(@NotNull(message = "le corps de la requête est obligatoire") @Valid RulesInput input) {
        return rules.save(token.getSubject(), input);
    }
}
