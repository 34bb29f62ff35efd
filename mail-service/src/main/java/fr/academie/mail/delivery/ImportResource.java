package fr.academie.mail.delivery;

import fr.academie.common.problem.ProblemException;
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
 * {@code POST /folders/{id}/import} with a {@code message/rfc822} body: one message (an .eml file) into one of
 * the caller's folders. 201 when stored, 200 when the mailbox already held it (same Message-ID).
 */
@Path("/folders/{id}/import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;
    private final JsonWebToken token;

    public ImportResource(ImportService imports, JsonWebToken token) {
        this.imports = imports;
        this.token = token;
    }

    public record Imported(UUID messageId, boolean duplicate) {
    }

    @POST
    @Consumes("message/rfc822")
    public Response importMessage(@PathParam("id") UUID folderId, InputStream body) {
        Delivery.Result result = imports.importMessage(token.getSubject(), folderId, body)
                .orElseThrow(() -> ProblemException.notFound("urn:portail:mail:folder-not-found",
                        "Ce dossier n'existe pas dans votre messagerie."));
        return Response.status(result.duplicate() ? 200 : 201)
                .entity(new Imported(result.message().id, result.duplicate())).build();
    }
}
