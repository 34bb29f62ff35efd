package fr.academie.common.notification;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * mail-service's notification API, called with the calling service's own client-credentials token (its OIDC client
 * {@code mail-notifier}: the gateway's {@code portail-notifier}, Colibris' {@code colibris-notifier}).
 */
@Path("/internal/notifications")
@RegisterRestClient(configKey = "mail-notifications")
@OidcClientFilter("mail-notifier")
interface MailNotificationApi {

    record Notification(String key, String recipient, String subject, String text, String senderName) {
    }

    @POST
    void deliver(Notification notification);
}
