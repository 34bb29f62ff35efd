package fr.academie.mail.draft;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.message.Downloads;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.InputStream;
import java.util.UUID;

/**
 * Files attached to a draft: {@code POST /drafts/{id}/attachments?name=…} with the file as the body, streamed to
 * storage (never held whole), refused when its type is blocked or it would pass the message's limit.
 */
@Path("/drafts/{id}/attachments")
public class DraftAttachmentResource {

    private final DraftService drafts;
    private final MessageSources sources;
    private final JsonWebToken token;

    public DraftAttachmentResource(DraftService drafts, MessageSources sources, JsonWebToken token) {
        this.drafts = drafts;
        this.sources = sources;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") UUID id, @QueryParam("name") String name, InputStream body) {
        String fileName = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        if (fileName.isEmpty() || fileName.length() > 255) {
            throw ProblemException.invalid("urn:portail:mail:invalid-file-name", "name",
                    "Le nom du fichier est obligatoire et ne peut dépasser 255 caractères.");
        }
        long room = drafts.room(token.getSubject(), id);
        try (Spool content = Spool.of(body, Math.max(room, 0))) {
            DraftView.AttachmentView attached = drafts.attach(token.getSubject(), id, fileName, content)
                    .orElseThrow(DraftResource::notFound);
            return Response.status(201).entity(attached).build();
        } catch (Spool.TooLarge e) {
            if (drafts.find(token.getSubject(), id).isEmpty()) {
                throw DraftResource.notFound();
            }
            throw drafts.tooLarge();
        }
    }

    @GET
    @Path("/{attachmentId}")
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        DraftAttachment attachment = drafts.attachment(token.getSubject(), id, attachmentId)
                .orElseThrow(DraftAttachmentResource::notFound);
        StreamingOutput body = out -> {
            try (InputStream in = sources.open(MessageSources.Table.DRAFT_ATTACHMENT, attachment.id)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", Downloads.attachment(attachment.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'").build();
    }

    @DELETE
    @Path("/{attachmentId}")
    public Response delete(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        if (!drafts.detach(token.getSubject(), id, attachmentId)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:attachment-not-found",
                "Cette pièce jointe n'existe pas dans ce brouillon.");
    }
}
