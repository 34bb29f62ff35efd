package fr.academie.mail.message;

import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.folder.FolderService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** {@code POST /folders/{id}/empty}: deletes for good what the trash (or the junk folder) holds. */
@Path("/folders/{id}/empty")
@Produces(MediaType.APPLICATION_JSON)
public class EmptyFolderResource {

    private final MessageActions actions;
    private final FolderService folders;
    private final JsonWebToken token;

    public EmptyFolderResource(MessageActions actions, FolderService folders, JsonWebToken token) {
        this.actions = actions;
        this.folders = folders;
        this.token = token;
    }

    @POST
    public MessageActionResource.Done empty(@PathParam("id") UUID id) {
        return new MessageActionResource.Done(actions.empty(token.getSubject(), folders.find(token.getSubject(), id)
                .orElseThrow(FolderResource::notFound)));
    }
}
