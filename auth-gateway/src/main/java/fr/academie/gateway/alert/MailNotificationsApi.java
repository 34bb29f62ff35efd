package fr.academie.gateway.alert;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** mail-service's notification API, called with the {@code portail-notifier} client's own token. */
@Path("/internal/notifications")
@RegisterRestClient(configKey = "mail-notifications")
@OidcClientFilter("notifications")
interface MailNotificationsApi {

    record Notification(String key, String recipient, String subject, String text, String senderName) {
    }

    @POST
    void deliver(Notification notification);
}
