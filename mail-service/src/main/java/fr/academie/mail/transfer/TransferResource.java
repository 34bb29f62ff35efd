package fr.academie.mail.transfer;

import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.message.Downloads;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.InputStream;
import java.util.UUID;

/**
 * Mail in and out of one of the caller's folders. Import: with a {@code message/rfc822} body, one message (an .eml
 * file), 201 when stored, 200 when the mailbox already held it (same Message-ID); with an {@code application/mbox}
 * body, every message of the file, and a report of what was stored, skipped and refused. Export: the folder as an
 * mbox file, streamed.
 */
@Path("/")
public class TransferResource {

    static final String MBOX = "application/mbox";

    private final ImportService imports;
    private final MboxService mbox;
    private final JsonWebToken token;

    public TransferResource(ImportService imports, MboxService mbox, JsonWebToken token) {
        this.imports = imports;
        this.mbox = mbox;
        this.token = token;
    }

    public record Imported(UUID messageId, boolean duplicate) {
    }

    @POST
    @Path("folders/{id}/import")
    @Consumes("message/rfc822")
    @Produces(MediaType.APPLICATION_JSON)
    public Response importMessage(@PathParam("id") UUID folderId, InputStream body) {
        DeliveryPipeline.Result result = imports.importMessage(token.getSubject(), folderId, body)
                .orElseThrow(FolderResource::notFound);
        return Response.status(result.duplicate() ? 200 : 201)
                .entity(new Imported(result.message().id, result.duplicate())).build();
    }

    @POST
    @Path("folders/{id}/import")
    @Consumes(MBOX)
    @Produces(MediaType.APPLICATION_JSON)
    public MboxService.Report importMbox(@PathParam("id") UUID folderId, InputStream body) {
        return mbox.importMbox(token.getSubject(), folderId, body).orElseThrow(FolderResource::notFound);
    }

    @GET
    @Path("folders/{id}/export")
    public Response export(@PathParam("id") UUID id) {
        Folder folder = mbox.folder(token.getSubject(), id).orElseThrow(FolderResource::notFound);
        StreamingOutput body = out -> mbox.export(folder.ownerId, folder.id, out);
        return Response.ok(body, MBOX)
                .header("Content-Disposition", Downloads.attachment(folder.name + ".mbox"))
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
