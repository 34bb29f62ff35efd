package fr.academie.mail.message;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.label.LabelResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** {@code GET /labels/{id}/messages}: the messages carrying one of the caller's labels, in every folder. */
@Path("/labels/{labelId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class LabelMessagesResource {

    private final MessageService messages;
    private final JsonWebToken token;

    public LabelMessagesResource(MessageService messages, JsonWebToken token) {
        this.messages = messages;
        this.token = token;
    }

    @GET
    public Page<MessageSummary> list(@PathParam("labelId") UUID labelId, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return messages.listLabel(token.getSubject(), labelId, Cursor.limit(limit), Cursor.decode(cursor))
                .orElseThrow(LabelResource::notFound);
    }
}
