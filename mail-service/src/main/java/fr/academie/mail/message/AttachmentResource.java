package fr.academie.mail.message;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.mime.PartExtractor;
import fr.academie.mail.store.MessageSources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.InputStream;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /messages/{id}/attachments/{attachmentId}}: one part of a message, decoded and streamed from its
 * source. A download by default; {@code ?inline=true} lets the browser show images and PDFs. Any other type is
 * sent as bytes to save, never as something a browser would run, and every answer forbids sniffing and scripts.
 */
@Path("/messages/{id}/attachments/{attachmentId}")
public class AttachmentResource {

    /** What a browser may show in the page: passive formats only (no HTML, no SVG). */
    static final Set<String> PREVIEWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private final MessageService messages;
    private final MessageSources sources;
    private final JsonWebToken token;

    public AttachmentResource(MessageService messages, MessageSources sources, JsonWebToken token) {
        this.messages = messages;
        this.sources = sources;
        this.token = token;
    }

    @GET
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
                             @QueryParam("inline") boolean inline) {
        Message message = messages.find(token.getSubject(), id).orElseThrow(AttachmentResource::notFound);
        Attachment attachment = Attachment.<Attachment>find("id = ?1 and messageId = ?2", attachmentId, message.id)
                .firstResultOptional().orElseThrow(AttachmentResource::notFound);
        boolean previewable = PREVIEWABLE.contains(attachment.contentType);
        StreamingOutput body = out -> {
            try (InputStream in = sources.open(message.id)) {
                PartExtractor.copy(in, attachment.partIndex, out);
            }
        };
        String disposition = Downloads.attachment(attachment.fileName);
        Response.ResponseBuilder response = Response.ok(body, previewable ? attachment.contentType : "application/octet-stream")
                .header("Content-Disposition", inline && previewable ? disposition.replaceFirst("^attachment", "inline") : disposition)
                .header("X-Content-Type-Options", "nosniff");
        // a sandbox would also stop the browser's PDF viewer; a PDF is shown by it, never by the page
        return response.header("Content-Security-Policy", attachment.contentType.equals("application/pdf")
                ? "default-src 'none'; object-src 'self'" : "sandbox; default-src 'none'; img-src 'self'").build();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:attachment-not-found",
                "Cette pièce jointe n'existe pas dans votre messagerie.");
    }
}
