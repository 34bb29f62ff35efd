package fr.academie.common.problem;

import fr.academie.common.directory.KeycloakDirectory;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one error path of every service: each failure becomes {@code application/problem+json} with a
 * stable type and a French detail; an unexpected one is logged under an incident reference that the
 * response carries, never its class or stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Jackson's words for a field named twice (StrictJson). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']{1,100})'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.toProblem());
    }

    /** Where authentication is lazy (the gateway), a missing or ended session is a 401 problem, not a redirect. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return response(ProblemException.unauthenticated().toProblem());
    }

    /** Signed in, but without the role the action needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(new Problem("urn:portail:forbidden", "Accès refusé", 403,
                "Votre profil ne permet pas cette action.", null, null));
    }

    /**
     * A constraint broken: its own French message, which names the thing in words ("l'objet est obligatoire"), is
     * what the person reads, the Java name staying in {@code field} for programs; a constraint without one (its
     * message is the validator's) is introduced by the field's name, so that it says which.
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        String path = first.getPropertyPath().toString();
        String field = path.substring(path.lastIndexOf('.') + 1);
        String message = first.getMessage();
        boolean own = !message.isBlank() && !first.getConstraintDescriptor().getMessageTemplate().startsWith("{");
        String detail = own ? Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".")
                : "Le champ « " + field + " » est invalide : " + message + ".";
        return response(new Problem("urn:portail:invalid-input", "Requête invalide", 400, detail, field, null));
    }

    /**
     * A body that is not JSON, or a value of the wrong kind (text for a number, an unknown choice). Named
     * with MismatchedInputException too: Quarkus' own mapper for it would otherwise answer in plain JSON. Only a
     * program sends a wrong kind or a field twice: its detail names the API's field. A person can paste a NUL
     * character: hers says what to do without a name from the code, the field being in {@code field} for the page.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() : null;
        Matcher twice = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (field == null && twice.find()) {
            return response(new Problem("urn:portail:invalid-input", "Requête invalide", 400, "Le champ « "
                    + twice.group(1) + " » figure deux fois dans le corps de la requête.", twice.group(1), null));
        }
        String detail = field == null ? "Le corps de la requête n'est pas un JSON valide."
                : e instanceof StrictJson.UnstorableText ? "Un texte saisi contient un caractère non permis (caractère"
                + " nul ou mal codé) : retapez le passage copié, puis réessayez."
                : "Le champ « " + field + " » n'a pas une valeur permise.";
        return response(new Problem("urn:portail:invalid-input", "Requête invalide", 400, detail, field, null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) { // Quarkus REST wraps some of Jackson's
            return unreadable(unreadable);
        }
        if (status == 404) {
            return response(ProblemException.unknownAddress().toProblem());
        }
        if (status == 405) {
            return response(new Problem("urn:portail:method-not-allowed", "Action non permise", 405,
                    "Cette action n'est pas possible sur cette ressource.", null, null));
        }
        if (status >= 400 && status < 500) {
            return response(new Problem("urn:portail:bad-request", "Requête invalide", status,
                    "La requête n'a pas pu être comprise : vérifiez les informations envoyées.", null, null));
        }
        return unexpected(e);
    }

    /** Keycloak, the académie's directory, could not answer: the action can be tried again in a moment. */
    @ServerExceptionMapper
    public Response directoryUnavailable(KeycloakDirectory.Unavailable e) {
        LOG.warnf("Directory unavailable: %s", e.getMessage());
        return response(new Problem("urn:portail:directory-unavailable", "Annuaire indisponible", 503,
                "L'annuaire de l'académie ne répond pas pour l'instant : réessayez dans quelques "
                        + "instants.", null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s", incident);
        return response(new Problem("urn:portail:internal-error", "Erreur interne", 500,
                "Une erreur inattendue s'est produite. Réessayez dans un instant ; si elle persiste, "
                        + "communiquez la référence " + incident + " à l'assistance.", null, incident));
    }

    private static Response response(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.incident() != null) { // the gateway logs it beside its own line: one reference, both logs
            response.header(Problem.INCIDENT_HEADER, problem.incident());
        }
        return response.build();
    }
}
