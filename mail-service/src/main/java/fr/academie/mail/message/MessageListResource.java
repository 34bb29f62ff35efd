package fr.academie.mail.message;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.folder.FolderResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The messages of one of the caller's folders. */
@Path("/folders/{folderId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final MessageService messages;
    private final JsonWebToken token;

    public MessageResource(MessageService messages, JsonWebToken token) {
        this.messages = messages;
        this.token = token;
    }

    @GET
    public Page<MessageSummary> list(@PathParam("folderId") UUID folderId, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return messages.list(token.getSubject(), folderId, Cursor.limit(limit), Cursor.decode(cursor))
                .orElseThrow(FolderResource::notFound);
    }
}
