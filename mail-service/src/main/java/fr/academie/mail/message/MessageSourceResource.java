package fr.academie.mail.message;

import fr.academie.mail.store.MessageSources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.InputStream;
import java.util.UUID;

/** {@code GET /messages/{id}/source}: the message exactly as it was received, as an .eml download. */
@Path("/messages/{id}/source")
public class MessageSourceResource {

    private final MessageService messages;
    private final MessageSources sources;
    private final JsonWebToken token;

    public MessageSourceResource(MessageService messages, MessageSources sources, JsonWebToken token) {
        this.messages = messages;
        this.sources = sources;
        this.token = token;
    }

    @GET
    @Produces("message/rfc822")
    public Response source(@PathParam("id") UUID id) {
        Message message = messages.find(token.getSubject(), id).orElseThrow(MessageReadResource::notFound);
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
}
