package fr.academie.colibris.request;

import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.actor.ColleagueLookup;
import fr.academie.colibris.delegation.DelegationService;
import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

/** Opinions (avis): asked by the decider of a step of a named colleague, who answers from their own list. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpinionResource {

    private final RequestService requests;
    private final DelegationService delegations;
    private final ColleagueLookup colleagues;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public OpinionResource(RequestService requests, DelegationService delegations, ColleagueLookup colleagues,
                           JsonWebToken token, SecurityIdentity identity) {
        this.requests = requests;
        this.delegations = delegations;
        this.colleagues = colleagues;
        this.token = token;
        this.identity = identity;
    }

    public record Ask(@NotBlank(message = "indiquez l'identifiant du ou de la collègue (ex. mdupont)") String colleague,
                      @NotBlank(message = "écrivez votre question")
                      @Size(max = 2000, message = "la question ne peut dépasser 2 000 caractères")
                      String question) {
    }

    public record Answer(@NotBlank(message = "écrivez votre avis")
                         @Size(max = 4000, message = "l'avis ne peut dépasser 4 000 caractères")
                         String answer) {
    }

    private Actor caller() {
        return delegations.caller(token, identity);
    }

    @POST
    @Path("requests/{id}/opinions")
    @ResponseStatus(201)
    public OpinionView ask(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) Ask input) {
        KeycloakDirectory.Person colleague = colleagues.named(input.colleague(), "colleague").person();
        return requests.askOpinion(caller(), id, colleague.id(), colleague.name(), input.question());
    }

    /** The opinions asked of me, those waiting for my answer first. */
    @GET
    @Path("opinions")
    public Page<OpinionView> mine() {
        return Page.all(requests.opinionsAskedOf(caller()));
    }

    @POST
    @Path("opinions/{id}")
    public OpinionView answer(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) Answer input) {
        return requests.giveOpinion(caller(), id, input.answer());
    }
}
