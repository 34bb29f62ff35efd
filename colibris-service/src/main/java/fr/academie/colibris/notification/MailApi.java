package fr.academie.colibris.notification;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** mail-service's notification API, called with the {@code colibris-notifier} client's own token. */
@Path("/internal/notifications")
@RegisterRestClient(configKey = "mail-notifications")
@OidcClientFilter("notifier")
interface MailApi {

    record Notification(String key, String recipient, String subject, String text, String senderName) {
    }

    @POST
    void deliver(Notification notification);
}
