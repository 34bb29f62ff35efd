package fr.academie.mail.thread;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.message.MessageSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Conversation view: one conversation's messages ({@link FolderConversationResource}: a folder's list by conversation). */
@Path("/conversations/{threadId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationService conversations;
    private final JsonWebToken token;

    public ConversationResource(ConversationService conversations, JsonWebToken token) {
        this.conversations = conversations;
        this.token = token;
    }

    @GET
    public Page<MessageSummary> read(@PathParam("threadId") UUID threadId) {
        return Page.all(conversations.messages(token.getSubject(), threadId).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:mail:conversation-not-found", "Cette conversation n'existe pas dans votre messagerie.")));
    }
}
