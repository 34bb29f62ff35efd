package fr.academie.mail.folder;

import fr.academie.common.page.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's folders. */
@Path("/folders")
@Produces(MediaType.APPLICATION_JSON)
public class FolderResource {

    private final FolderService folders;
    private final JsonWebToken token;

    public FolderResource(FolderService folders, JsonWebToken token) {
        this.folders = folders;
        this.token = token;
    }

    @GET
    public Page<FolderView> list() {
        return new Page<>(folders.list(token.getSubject()), null);
    }
}
