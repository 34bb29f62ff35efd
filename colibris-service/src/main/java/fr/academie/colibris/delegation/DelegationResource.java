package fr.academie.colibris.delegation;

import fr.academie.colibris.actor.Actor;
import fr.academie.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

/**
 * A decider's delegations (an absence): given to a colleague of the same role for a range of days, listed, revoked.
 * While one runs, the colleague sees the delegator's requests in "À traiter" and decides them "par délégation".
 */
@Path("/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DelegationResource {

    private final DelegationService delegations;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public DelegationResource(DelegationService delegations, JsonWebToken token, SecurityIdentity identity) {
        this.delegations = delegations;
        this.token = token;
        this.identity = identity;
    }

    @GET
    public DelegationView.Lists list() {
        return delegations.of(token.getSubject());
    }

    @POST
    @ResponseStatus(201)
    public DelegationView give(@Valid @NotNull(message = Problem.NO_BODY) NewDelegation input) {
        return delegations.give(Actor.of(token, identity), input);
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public void revoke(@PathParam("id") UUID id) {
        delegations.revoke(token.getSubject(), id);
    }
}
