package fr.academie.mail.draft;

import fr.academie.common.page.Cursor;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.UUID;

/**
 * The caller's drafts: written, saved, sent ({@code POST …/send}, undone by {@code POST …/cancel} until it leaves).
 * Attachments are in {@link DraftAttachmentResource}; replies and forwards start in {@link ReplyResource}.
 */
@Path("/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DraftResource {

    private final DraftService drafts;
    private final JsonWebToken token;

    public DraftResource(DraftService drafts, JsonWebToken token) {
        this.drafts = drafts;
        this.token = token;
    }

    /** "envoyer plus tard": the instant chosen; absent, the message leaves once the undo window has passed. */
    public record SendInput(Instant sendAt) {
    }

    @GET
    public Page<DraftView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return drafts.list(token.getSubject(), Cursor.limit(limit), Cursor.decode(cursor));
    }

    @POST
    public Response create(@NotNull(message = Problem.NO_BODY) @Valid DraftInput input) {
        return Response.status(201).entity(drafts.create(token.getSubject(), input)).build();
    }

    @GET
    @Path("/{id}")
    public DraftView read(@PathParam("id") UUID id) {
        return drafts.find(token.getSubject(), id).orElseThrow(DraftResource::notFound);
    }

    @PUT
    @Path("/{id}")
    public DraftView save(@PathParam("id") UUID id,
                          @NotNull(message = Problem.NO_BODY) @Valid DraftInput input) {
        return drafts.update(token.getSubject(), id, input).orElseThrow(DraftResource::notFound);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        if (!drafts.delete(token.getSubject(), id)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/send")
    public Response send(@PathParam("id") UUID id, SendInput input) {
        DraftView scheduled = drafts.send(Author.of(token), id, input == null ? null : input.sendAt())
                .orElseThrow(DraftResource::notFound);
        return Response.accepted(scheduled).build();
    }

    /** "Annuler": back to the editor, as long as the message has not left. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public DraftView cancel(@PathParam("id") UUID id) {
        return drafts.cancel(token.getSubject(), id).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:mail:draft-not-found", "Ce brouillon n'existe plus : le message est sans doute déjà parti "
                        + "(voyez le dossier Envoyés)."));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:draft-not-found", "Ce brouillon n'existe pas dans votre messagerie.");
    }
}
