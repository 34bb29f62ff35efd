package fr.academie.mail.folder;

import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The caller's folders: the system ones and their own, nested to any depth. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FolderResource {

    private final FolderService folders;
    private final JsonWebToken token;

    public FolderResource(FolderService folders, JsonWebToken token) {
        this.folders = folders;
        this.token = token;
    }

    /** What deleting a folder did: its messages (and its sub-folders') went to the trash. */
    public record Deleted(int movedToTrash) {
    }

    @GET
    @Path("folders")
    public Page<FolderView> list() {
        return new Page<>(folders.list(token.getSubject()), null);
    }

    @POST
    @Path("folders")
    public Response create(@NotNull(message = Problem.NO_BODY) @Valid FolderInput input) {
        return Response.status(201).entity(folders.create(token.getSubject(), input)).build();
    }

    /** Renames and moves: the body is the folder's new name and parent (null: the top level). */
    @PUT
    @Path("folders/{id}")
    public FolderView change(@PathParam("id") UUID id,
                             @NotNull(message = Problem.NO_BODY) @Valid FolderInput input) {
        return folders.change(token.getSubject(), id, input).orElseThrow(FolderResource::notFound);
    }

    @DELETE
    @Path("folders/{id}")
    public Deleted delete(@PathParam("id") UUID id) {
        return new Deleted(folders.delete(token.getSubject(), id).orElseThrow(FolderResource::notFound));
    }

    /** Someone else's folder, or none: the same 404. */
    public static ProblemException notFound() {
        return ProblemException.notFound("urn:portail:mail:folder-not-found", "Ce dossier n'existe pas dans votre messagerie.");
    }
}
