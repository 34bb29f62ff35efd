package fr.academie.mail.draft;

import fr.academie.mail.message.MessageResource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Replies and forwards of one of the caller's messages start as drafts, filled and quoted (201). */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public class ReplyResource {

    private final DraftService drafts;
    private final JsonWebToken token;

    public ReplyResource(DraftService drafts, JsonWebToken token) {
        this.drafts = drafts;
        this.token = token;
    }

    /** {@code ?all=true}: to everyone who received it ("répondre à tous"). */
    @POST
    @Path("{id}/reply")
    public Response reply(@PathParam("id") UUID id, @QueryParam("all") boolean all) {
        return created(drafts.reply(Author.of(token), id, all).orElseThrow(MessageResource::notFound));
    }

    /** {@code ?asAttachment=true}: the original attached whole (.eml) rather than quoted. */
    @POST
    @Path("{id}/forward")
    public Response forward(@PathParam("id") UUID id, @QueryParam("asAttachment") boolean asAttachment) {
        return created(drafts.forward(Author.of(token), id, asAttachment).orElseThrow(MessageResource::notFound));
    }

    private static Response created(DraftView draft) {
        return Response.status(201).entity(draft).build();
    }
}
