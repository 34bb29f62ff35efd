package fr.academie.mail.message;

import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.mime.PartExtractor;
import fr.academie.mail.store.MessageSources;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
 * One message of the caller's: read (fields, sanitised HTML), its body as a sandboxed page, its original bytes, one
 * of its attachments; and actions on a selection of messages. Another person's message is a 404 like a missing one.
 */
@Path("/messages")
public class MessageResource {

    private final MessageService messages;
    private final MessageActions actions;
    private final MessageSources sources;
    private final JsonWebToken token;

    public MessageResource(MessageService messages, MessageActions actions, MessageSources sources, JsonWebToken token) {
        this.messages = messages;
        this.actions = actions;
        this.sources = sources;
        this.token = token;
    }

    /** How many messages the action changed (or deleted). */
    public record Done(int count) {
    }

    /** {@code ?images=show}: with its remote images ("afficher les images"). */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public MessageView read(@PathParam("id") UUID id, @QueryParam("images") String images) {
        return messages.read(token.getSubject(), id, "show".equals(images)).orElseThrow(MessageResource::notFound);
    }

    /** The body alone, as a page the reader shows in a sandboxed frame. */
    @GET
    @Path("{id}/body")
    public Response body(@PathParam("id") UUID id, @QueryParam("images") String images) {
        return BodyPage.of(messages.read(token.getSubject(), id, "show".equals(images))
                .orElseThrow(MessageResource::notFound));
    }

    /** The message as it was received, byte for byte (a .eml download). */
    @GET
    @Path("{id}/source")
    @Produces("message/rfc822")
    public Response source(@PathParam("id") UUID id) {
        Message message = messages.find(token.getSubject(), id).orElseThrow(MessageResource::notFound);
        StreamingOutput body = out -> {
            try (InputStream in = sources.open(message.id)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "message/rfc822")
                .header("Content-Disposition", Downloads.attachment(Downloads.emlName(message.subject)))
                .header("Content-Length", message.sizeBytes)
                .build();
    }

    /**
     * {@code ?inline=true}: shown in the page when its type is a passive one (image, PDF), else downloaded. A program
     * or a script is never served (403): the source keeps it for export.
     */
    @GET
    @Path("{id}/attachments/{attachmentId}")
    public Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
                               @QueryParam("inline") boolean inline) {
        Message message = messages.find(token.getSubject(), id).orElseThrow(MessageResource::attachmentNotFound);
        Attachment attachment = Attachment.<Attachment>find("id = ?1 and messageId = ?2", attachmentId, message.id)
                .firstResultOptional().orElseThrow(MessageResource::attachmentNotFound);
        if (Executables.blocked(attachment.fileName, attachment.contentType)) {
            throw new ProblemException("urn:portail:mail:attachment-blocked", "Pièce jointe bloquée", 403,
                    "« " + attachment.fileName + " » est un programme : il pourrait installer un logiciel malveillant, "
                            + "son téléchargement est bloqué. Si vous l'attendiez, demandez à l'expéditeur un autre moyen "
                            + "de vous le transmettre.", null);
        }
        StreamingOutput body = out -> {
            try (InputStream in = sources.open(message.id)) {
                PartExtractor.copy(in, attachment.partIndex, out);
            }
        };
        return Downloads.attachmentResponse(body, attachment.fileName, attachment.contentType, inline);
    }

    @POST
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public Done apply(@NotNull(message = Problem.NO_BODY) @Valid MessageAction action) {
        return new Done(actions.apply(token.getSubject(), token.getClaim("email"), action));
    }

    /** Someone else's message, or none: the same 404. */
    public static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:message-not-found",
                "Ce message n'existe pas dans votre messagerie.");
    }

    private static ProblemException attachmentNotFound() {
        return ProblemException.notFound("urn:portail:mail:attachment-not-found",
                "Cette pièce jointe n'existe pas dans votre messagerie.");
    }
}
