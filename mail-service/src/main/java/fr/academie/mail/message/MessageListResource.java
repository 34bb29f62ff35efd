package fr.academie.mail.message;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.label.LabelResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The messages of a folder or of a label, newest first by keyset pages; emptying the trash or the junk folder. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MessageListResource {

    private final MessageService messages;
    private final MessageActions actions;
    private final FolderService folders;
    private final JsonWebToken token;

    public MessageListResource(MessageService messages, MessageActions actions, FolderService folders,
                               JsonWebToken token) {
        this.messages = messages;
        this.actions = actions;
        this.folders = folders;
        this.token = token;
    }

    @GET
    @Path("folders/{folderId}/messages")
    public Page<MessageSummary> inFolder(@PathParam("folderId") UUID folderId, @QueryParam("limit") Integer limit,
                                         @QueryParam("cursor") String cursor) {
        return messages.list(token.getSubject(), folderId, Cursor.limit(limit), Cursor.decode(cursor))
                .orElseThrow(FolderResource::notFound);
    }

    @GET
    @Path("labels/{labelId}/messages")
    public Page<MessageSummary> withLabel(@PathParam("labelId") UUID labelId, @QueryParam("limit") Integer limit,
                                          @QueryParam("cursor") String cursor) {
        return messages.listLabel(token.getSubject(), labelId, Cursor.limit(limit), Cursor.decode(cursor))
                .orElseThrow(LabelResource::notFound);
    }

    @POST
    @Path("folders/{id}/empty")
    public MessageResource.Done empty(@PathParam("id") UUID id) {
        return new MessageResource.Done(actions.empty(token.getSubject(), folders.find(token.getSubject(), id)
                .orElseThrow(FolderResource::notFound)));
    }
}
