package fr.academie.mail.message;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /mailbox/largest}: "libérer de l'espace", the caller's largest messages and their attachments. */
@Path("/mailbox/largest")
@Produces(MediaType.APPLICATION_JSON)
public class LargestMessagesResource {

    private final MessageService messages;
    private final JsonWebToken token;

    public LargestMessagesResource(MessageService messages, JsonWebToken token) {
        this.messages = messages;
        this.token = token;
    }

    @GET
    public Page<LargeMessage> largest(@QueryParam("limit") Integer limit) {
        int count = limit == null ? 20 : limit;
        if (count < 1 || count > 100) {
            throw ProblemException.invalid("urn:portail:invalid-limit", "limit",
                    "Le nombre de messages demandé doit être compris entre 1 et 100.");
        }
        return Page.all(messages.largest(token.getSubject(), count));
    }
}
