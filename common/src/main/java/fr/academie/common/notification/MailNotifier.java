package fr.academie.common.notification;

import io.quarkus.oidc.client.OidcClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/**
 * Drops a message in a person's académie mailbox through mail-service, for the services that tell people things (the
 * gateway's security alerts, Colibris' notifications). Idempotent on the key (mail-service delivers a key once), so a
 * caller may retry until it gets a yes. Needs quarkus-rest-client-jackson and quarkus-rest-client-oidc-filter, the
 * REST client {@code mail-notifications} and the OIDC client {@code mail-notifier}.
 */
@ApplicationScoped
public class MailNotifier {

    private final Instance<MailNotificationApi> api;

    public MailNotifier(@RestClient Instance<MailNotificationApi> api) {
        this.api = api;
    }

    /** "Bonjour Léna Martin," — or "Bonjour," when the name is unknown: how every such message starts. */
    public static String greeting(String name) {
        return "Bonjour" + (name == null || name.isBlank() ? "" : " " + name) + ",";
    }

    /**
     * Empty once mail-service has the message (now or before); otherwise why not (mail-service's status, or the
     * failure to reach it or to get a token), to retry later.
     */
    public Optional<String> deliver(String key, String recipient, String subject, String text, String senderName) {
        try {
            api.get().deliver(new MailNotificationApi.Notification(key, recipient, subject, text, senderName));
            return Optional.empty();
        } catch (WebApplicationException e) {
            return Optional.of("mail-service answered " + e.getResponse().getStatus());
        } catch (ProcessingException | OidcClientException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
