package fr.academie.mail.notification;

import fr.academie.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * {@code POST /internal/notifications}: for services holding this service's {@code notifier} role (a
 * client-credentials token, e.g. colibris-notifier, portail-admin). 201 when delivered, 200 when the key had
 * already been delivered for that caller.
 */
@Path("/internal/notifications")
@RolesAllowed("notifier")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService notifications;
    private final JsonWebToken token;

    public NotificationResource(NotificationService notifications, JsonWebToken token) {
        this.notifications = notifications;
        this.token = token;
    }

    public record Delivered(UUID messageId) {
    }

    @POST
    public Response deliver(@NotNull(message = Problem.NO_BODY) @Valid NotificationRequest request) {
        NotificationService.Outcome outcome = notifications.deliver(token.getClaim("azp"), request);
        return Response.status(outcome.delivered() ? 201 : 200).entity(new Delivered(outcome.messageId())).build();
    }
}
