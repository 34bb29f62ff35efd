package fr.academie.mail.message;

import fr.academie.common.page.Page;
import fr.academie.common.problem.Problem;
import fr.academie.common.problem.ProblemException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
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

/** The caller's trusted senders: their messages open with their remote images shown. */
@Path("/trusted-senders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrustedSenderResource {

    private final TrustedSenderService senders;
    private final JsonWebToken token;

    public TrustedSenderResource(TrustedSenderService senders, JsonWebToken token) {
        this.senders = senders;
        this.token = token;
    }

    public record TrustedSenderInput(
            @NotBlank(message = "l'adresse de l'expéditeur est obligatoire")
            @Email(message = "l'adresse de l'expéditeur n'est pas valide") String address) {
    }

    @GET
    public Page<String> list() {
        return Page.all(senders.list(token.getSubject()));
    }

    @POST
    public Response trust(@jakarta.validation.Valid @jakarta.validation.constraints.NotNull(
            message = Problem.NO_BODY) TrustedSenderInput input) {
        senders.trust(token.getSubject(), input.address());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{address}")
    public Response forget(@PathParam("address") String address) {
        if (!senders.forget(token.getSubject(), address)) {
            throw ProblemException.notFound("urn:portail:mail:trusted-sender-not-found",
                    "Cet expéditeur ne fait pas partie de vos expéditeurs de confiance.");
        }
        return Response.noContent().build();
    }
}
