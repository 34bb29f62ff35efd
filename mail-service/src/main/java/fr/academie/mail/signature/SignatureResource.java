package fr.academie.mail.signature;

import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
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

/** The caller's signatures, and the académie's template filled for them. */
@Path("/signatures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignatureResource {

    private final SignatureService signatures;
    private final SignatureTemplate template;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public SignatureResource(SignatureService signatures, SignatureTemplate template, JsonWebToken token,
                             SecurityIdentity identity) {
        this.signatures = signatures;
        this.template = template;
        this.token = token;
        this.identity = identity;
    }

    @GET
    public Page<SignatureView> list() {
        return Page.all(signatures.list(token.getSubject()));
    }

    @GET
    @Path("/template")
    public SignatureView template() {
        return template.of(token, identity);
    }

    @POST
    public Response create(@NotNull(message = Problem.NO_BODY) @Valid SignatureInput input) {
        return Response.status(201).entity(signatures.create(token.getSubject(), input)).build();
    }

    @PUT
    @Path("/{id}")
    public SignatureView change(@PathParam("id") UUID id,
                                @NotNull(message = Problem.NO_BODY) @Valid SignatureInput input) {
        return signatures.change(token.getSubject(), id, input).orElseThrow(SignatureResource::notFound);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        if (!signatures.delete(token.getSubject(), id)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:signature-not-found", "Cette signature n'existe pas.");
    }
}
