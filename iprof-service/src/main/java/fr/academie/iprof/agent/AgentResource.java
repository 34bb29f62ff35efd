package fr.academie.iprof.agent;

import fr.academie.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own career record. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentService agents;
    private final JsonWebToken token;

    public AgentResource(AgentService agents, JsonWebToken token) {
        this.agents = agents;
        this.token = token;
    }

    @GET
    @Path("/me")
    public CareerSummary me() {
        return agents.summaryOf(token.getSubject(), token.getClaim("preferred_username"))
                .orElseThrow(() -> ProblemException.notFound("urn:portail:iprof:no-career-record",
                        "Aucun dossier de carrière n'est rattaché à votre compte. Si vous pensez que c'est une erreur, "
                                + "contactez votre gestionnaire RH (DPE)."));
    }
}
