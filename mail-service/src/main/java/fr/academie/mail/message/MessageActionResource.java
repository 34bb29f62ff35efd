package fr.academie.mail.message;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /messages/actions}: mark, flag, move, archive, trash, restore or delete for good a selection of the
 * caller's messages (one or many), all of them or none.
 */
@Path("/messages/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageActionResource {

    private final MessageActions actions;
    private final JsonWebToken token;

    public MessageActionResource(MessageActions actions, JsonWebToken token) {
        this.actions = actions;
        this.token = token;
    }

    /** How many messages the action changed (or deleted). */
    public record Done(int count) {
    }

    @POST
    public Done apply(@NotNull(message = "le corps de la requête est obligatoire") @Valid MessageAction action) {
        return new Done(actions.apply(token.getSubject(), action));
    }
}
