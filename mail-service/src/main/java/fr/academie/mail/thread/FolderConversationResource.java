package fr.academie.mail.thread;

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

/** Conversation view of a folder's list: each conversation once, at its latest message there. */
@Path("/folders/{folderId}/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class FolderConversationResource {

    private final ConversationService conversations;
    private final JsonWebToken token;

    public FolderConversationResource(ConversationService conversations, JsonWebToken token) {
        this.conversations = conversations;
        this.token = token;
    }

    @GET
    public Page<Conversation> list(@PathParam("folderId") UUID folderId, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        return conversations.list(token.getSubject(), folderId, Cursor.limit(limit), Cursor.decode(cursor))
                .orElseThrow(FolderResource::notFound);
    }
}
