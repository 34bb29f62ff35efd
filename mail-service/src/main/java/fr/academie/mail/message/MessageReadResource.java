package fr.academie.mail.message;

import fr.academie.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** One of the caller's messages; someone else's is not found. */
@Path("/messages/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class MessageReadResource {

    private final MessageService messages;
    private final JsonWebToken token;

    public MessageReadResource(MessageService messages, JsonWebToken token) {
        this.messages = messages;
        this.token = token;
    }

    /** {@code ?images=show}: with its remote images ("afficher les images"). */
    @GET
    public MessageView read(@PathParam("id") UUID id, @QueryParam("images") String images) {
        return messages.read(token.getSubject(), id, "show".equals(images)).orElseThrow(MessageReadResource::notFound);
    }

    /** Someone else's message, or none: the same 404. */
    public static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:message-not-found", "Ce message n'existe pas dans votre messagerie.");
    }
}
