package fr.academie.colibris.request;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

/** HR requests: the caller's own ("Mes démarches"), one request, its transitions, and "À traiter" for deciders. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public RequestResource(RequestService requests, JsonWebToken token, SecurityIdentity identity) {
        this.requests = requests;
        this.token = token;
        this.identity = identity;
    }

    private Actor caller() {
        return Actor.of(token, identity);
    }

    @GET
    @Path("requests")
    public Page<RequestSummary> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return requests.list(token.getSubject(), Cursor.limit(limit), Cursor.decode(cursor));
    }

    @POST
    @Path("requests")
    @ResponseStatus(201)
    public RequestView create(@Valid @NotNull RequestInputs.NewRequest input) {
        return requests.create(caller(), input);
    }

    @GET
    @Path("requests/{id}")
    public RequestView get(@PathParam("id") UUID id) {
        return requests.find(caller(), id).orElseThrow(RequestProblems::notFound);
    }

    @PUT
    @Path("requests/{id}")
    public RequestView edit(@PathParam("id") UUID id, @Valid @NotNull RequestInputs.Edit input) {
        return requests.edit(caller(), id, input);
    }

    @POST
    @Path("requests/{id}/submit")
    public RequestView submit(@PathParam("id") UUID id, @Valid @NotNull RequestInputs.Move input) {
        return requests.submit(caller(), id, input);
    }

    @POST
    @Path("requests/{id}/withdraw")
    public RequestView withdraw(@PathParam("id") UUID id, @Valid @NotNull RequestInputs.Move input) {
        return requests.withdraw(caller(), id, input);
    }

    @POST
    @Path("requests/{id}/decision")
    public RequestView decide(@PathParam("id") UUID id, @Valid @NotNull RequestInputs.Decision input) {
        return requests.decide(caller(), id, input);
    }

    @GET
    @Path("to-decide")
    public Page<RequestSummary> toDecide(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return requests.toDecide(caller(), Cursor.limit(limit), Cursor.decode(cursor));
    }
}
