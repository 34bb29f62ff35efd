package fr.academie.colibris.request;

import fr.academie.colibris.actor.Actor;
import fr.academie.colibris.delegation.DelegationService;
import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * HR requests: the caller's own ("Mes démarches"), one request, its transitions and exchanges, and "À traiter" for
 * deciders.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final DelegationService delegations;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public RequestResource(RequestService requests, DelegationService delegations, JsonWebToken token,
                           SecurityIdentity identity) {
        this.requests = requests;
        this.delegations = delegations;
        this.token = token;
        this.identity = identity;
    }

    /** The caller, with the decisions colleagues have delegated to them today. */
    private Actor caller() {
        return delegations.caller(token, identity);
    }

    @GET
    @Path("requests")
    public Page<RequestSummary> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return requests.list(token.getSubject(), Cursor.limit(limit), Cursor.decode(cursor));
    }

    @POST
    @Path("requests")
    @ResponseStatus(201)
    public RequestView create(@Valid @NotNull(message = Problem.NO_BODY) RequestInputs.NewRequest input) {
        return requests.create(caller(), input);
    }

    @GET
    @Path("requests/{id}")
    public RequestView get(@PathParam("id") UUID id) {
        return requests.find(caller(), id).orElseThrow(RequestProblems::notFound);
    }

    @PUT
    @Path("requests/{id}")
    public RequestView edit(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) RequestInputs.Edit input) {
        return requests.edit(caller(), id, input);
    }

    @POST
    @Path("requests/{id}/submit")
    public RequestView submit(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) RequestInputs.Move input) {
        return requests.submit(caller(), id, input);
    }

    @POST
    @Path("requests/{id}/withdraw")
    public RequestView withdraw(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) RequestInputs.Move input) {
        return requests.withdraw(caller(), id, input);
    }

    /** A draft deleted by its owner ("Supprimer"); a submitted request is withdrawn instead, and stays on record. */
    @DELETE
    @Path("requests/{id}")
    @ResponseStatus(204)
    public void discard(@PathParam("id") UUID id) {
        requests.discard(caller(), id);
    }

    @POST
    @Path("requests/{id}/decision")
    public RequestView decide(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) RequestInputs.Decision input) {
        return requests.decide(caller(), id, input);
    }

    @POST
    @Path("requests/{id}/messages")
    @ResponseStatus(201)
    public RequestView.Message write(@PathParam("id") UUID id, @Valid @NotNull(message = Problem.NO_BODY) RequestInputs.Message input) {
        return requests.write(caller(), id, input);
    }

    /**
     * A file, as the body (its {@code Content-Type} the file's): a supporting document when {@code piece} names one of
     * the type's, else a file for the next message of the exchanges.
     */
    @POST
    @Path("requests/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    public RequestView.File attach(@PathParam("id") UUID id, @QueryParam("piece") String piece,
                                   @QueryParam("name") String name, @HeaderParam("Content-Type") String contentType,
                                   byte[] content) {
        return requests.attach(caller(), id, piece, name, contentType, content == null ? new byte[0] : content);
    }

    @DELETE
    @Path("requests/{id}/attachments/{attachment}")
    @ResponseStatus(204)
    public void detach(@PathParam("id") UUID id, @PathParam("attachment") UUID attachment) {
        requests.detach(caller(), id, attachment);
    }

    /** A file's bytes, as a download (never shown inline: a file is the person's, not the portal's page). */
    @GET
    @Path("attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id) {
        RequestService.Download file = requests.download(caller(), id).orElseThrow(RequestProblems::notFound);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("to-decide")
    public Page<RequestSummary> toDecide(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return requests.toDecide(caller(), Cursor.limit(limit), Cursor.decode(cursor));
    }
}
