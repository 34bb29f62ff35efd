package fr.academie.mail.transfer;

import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.delivery.Delivery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.InputStream;
import java.util.UUID;

/**
 * {@code POST /folders/{id}/import} into one of the caller's folders: with a {@code message/rfc822} body, one
 * message (an .eml file), 201 when stored, 200 when the mailbox already held it (same Message-ID); with an
 * {@code application/mbox} body, every message of the file, and a report of what was stored, skipped and refused.
 */
@Path("/folders/{id}/import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;
    private final JsonWebToken token;
    private final MboxService mbox;

    public ImportResource(ImportService imports, MboxService mbox, JsonWebToken token) {
        this.imports = imports;
        this.mbox = mbox;
        this.token = token;
    }

    public record Imported(UUID messageId, boolean duplicate) {
    }

    @POST
    @Consumes("message/rfc822")
    public Response importMessage(@PathParam("id") UUID folderId, InputStream body) {
        Delivery.Result result = imports.importMessage(token.getSubject(), folderId, body)
                .orElseThrow(FolderResource::notFound);
        return Response.status(result.duplicate() ? 200 : 201)
                .entity(new Imported(result.message().id, result.duplicate())).build();
    }

    @POST
    @Consumes("application/mbox")
    public MboxService.Report importMbox(@PathParam("id") UUID folderId, InputStream body) {
        return mbox.importMbox(token.getSubject(), folderId, body).orElseThrow(FolderResource::notFound);
    }
}
