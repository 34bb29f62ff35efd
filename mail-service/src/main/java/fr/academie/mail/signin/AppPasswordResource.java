package fr.academie.mail.signin;

import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The caller's application passwords, for her mail clients (IMAP, SMTP submission). */
@Path("/app-passwords")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppPasswordResource {

    private final AppPasswordService passwords;
    private final JsonWebToken token;

    public AppPasswordResource(AppPasswordService passwords, JsonWebToken token) {
        this.passwords = passwords;
        this.token = token;
    }

    @GET
    public Page<AppPasswordView> list() {
        return Page.all(passwords.list(token.getSubject()));
    }

    /** 201 with the secret, shown this once. */
    @POST
    public Response create(@NotNull(message = Problem.NO_BODY) @Valid AppPasswordInput input) {
        return Response.status(201).entity(passwords.create(token.getSubject(), input)).build();
    }

    @DELETE
    @Path("{id}")
    public AppPasswordView revoke(@PathParam("id") UUID id) {
        return passwords.revoke(token.getSubject(), id).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:mail:app-password-not-found", "Ce mot de passe d'application n'existe pas (ou plus)."));
    }
}
