package fr.academie.mail.thread;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.message.MessageSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * Conversation view: a folder's list by conversation (each once, at its latest message there), and one
 * conversation's messages.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationService conversations;
    private final JsonWebToken token;

    public ConversationResource(ConversationService conversations, JsonWebToken token) {
        this.conversations = conversations;
        this.token = token;
    }

    @GET
    @Path("folders/{folderId}/conversations")
    public Page<Conversation> list(@PathParam("folderId") UUID folderId, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        return conversations.list(token.getSubject(), folderId, Cursor.limit(limit), Cursor.decode(cursor))
                .orElseThrow(FolderResource::notFound);
    }

    @GET
    @Path("conversations/{threadId}")
    public Page<MessageSummary> read(@PathParam("threadId") UUID threadId) {
        return Page.all(conversations.messages(token.getSubject(), threadId).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:mail:conversation-not-found", "Cette conversation n'existe pas dans votre messagerie.")));
    }
}
