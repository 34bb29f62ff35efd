package fr.academie.mail.transfer;

import fr.academie.mail.folder.FolderResource;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.message.Downloads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** {@code GET /folders/{id}/export}: the folder as an mbox file, streamed (imports: {@code ImportResource}). */
@Path("/folders/{id}/export")
public class MboxResource {

    static final String MBOX = "application/mbox";

    private final MboxService mbox;
    private final JsonWebToken token;

    public MboxResource(MboxService mbox, JsonWebToken token) {
        this.mbox = mbox;
        this.token = token;
    }

    @GET
    public Response export(@PathParam("id") UUID id) {
        Folder folder = mbox.folder(token.getSubject(), id).orElseThrow(FolderResource::notFound);
        StreamingOutput body = out -> mbox.export(folder.id, out);
        return Response.ok(body, MBOX)
                .header("Content-Disposition", Downloads.attachment(folder.name + ".mbox"))
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
