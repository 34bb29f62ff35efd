package fr.academie.mail.autoreply;

import fr.academie.common.problem.Problem;
import fr.academie.mail.draft.Author;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's auto-reply ("Réponse automatique"). */
@Path("/auto-reply")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutoReplyResource {

    private final AutoReplyService replies;
    private final JsonWebToken token;

    public AutoReplyResource(AutoReplyService replies, JsonWebToken token) {
        this.replies = replies;
        this.token = token;
    }

    @GET
    public AutoReplyView get() {
        return replies.of(token.getSubject());
    }

    @PUT
    public AutoReplyView save(@NotNull(message = Problem.NO_BODY) @Valid AutoReplyInput input) {
        Author author = Author.of(token);
        return replies.save(author.id(), author.name(), author.address(), input);
    }
}
