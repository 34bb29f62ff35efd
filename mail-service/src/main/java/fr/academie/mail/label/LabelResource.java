package fr.academie.mail.label;

import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The caller's labels; their messages are listed by {@code GET /labels/{id}/messages}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LabelResource {

    private final LabelService labels;
    private final JsonWebToken token;

    public LabelResource(LabelService labels, JsonWebToken token) {
        this.labels = labels;
        this.token = token;
    }

    @GET
    @Path("labels")
    public Page<LabelView> list() {
        return Page.all(labels.list(token.getSubject()));
    }

    @POST
    @Path("labels")
    public Response create(@NotNull(message = Problem.NO_BODY) @Valid LabelInput input) {
        return Response.status(201).entity(labels.create(token.getSubject(), input)).build();
    }

    @PUT
    @Path("labels/{id}")
    public LabelView change(@PathParam("id") UUID id,
                            @NotNull(message = Problem.NO_BODY) @Valid LabelInput input) {
        return labels.change(token.getSubject(), id, input).orElseThrow(LabelResource::notFound);
    }

    @DELETE
    @Path("labels/{id}")
    public LabelView delete(@PathParam("id") UUID id) {
        return labels.delete(token.getSubject(), id).orElseThrow(LabelResource::notFound);
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:label-not-found", "Cette étiquette n'existe pas dans votre messagerie.");
    }
}
