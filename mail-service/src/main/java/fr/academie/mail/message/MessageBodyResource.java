package fr.academie.mail.message;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * {@code GET /messages/{id}/body}: the sanitised HTML body as a document of its own, which the webmail shows in a
 * frame sandboxed without scripts ({@code ?images=show}: with its remote images). The policy here is the
 * gateway's for this path too: no script, the message's inline styles, images of this origin, data: and https.
 */
@Path("/messages/{id}/body")
public class MessageBodyResource {

    static final String POLICY = "default-src 'none'; img-src 'self' data: https:; style-src 'unsafe-inline'; "
            + "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
            + "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox";
    private static final String HEAD = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><style>"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:.25rem;"
            + "overflow-wrap:anywhere;color:#161616}img{max-width:100%;height:auto}"
            + "blockquote{border-left:2px solid #ccc;margin:0 0 0 .5rem;padding-left:.75rem;color:#444}"
            + "</style></head><body>";

    private final MessageService messages;
    private final JsonWebToken token;

    public MessageBodyResource(MessageService messages, JsonWebToken token) {
        this.messages = messages;
        this.token = token;
    }

    @GET
    public Response body(@PathParam("id") UUID id, @QueryParam("images") String images) {
        MessageView message = messages.read(token.getSubject(), id, "show".equals(images))
                .orElseThrow(MessageReadResource::notFound);
        String html = message.html() != null ? message.html()
                : "<pre style=\"white-space:pre-wrap;font-family:inherit\">"
                + org.jsoup.nodes.Entities.escape(message.text() == null ? "" : message.text()) + "</pre>";
        return Response.ok(HEAD + html + "</body></html>", "text/html; charset=utf-8")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }
}
