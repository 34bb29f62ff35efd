package fr.academie.gateway.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Drops a message in a person's académie mailbox. Idempotent on the key (mail-service delivers a key once),
 * so a caller may retry until it gets a yes.
 */
@ApplicationScoped
public class MailNotifications {

    private static final Logger LOG = Logger.getLogger(MailNotifications.class);

    private final MailNotificationsApi api;

    public MailNotifications(@RestClient MailNotificationsApi api) {
        this.api = api;
    }

    /** True once mail-service has the message (now or before); false when it could not be reached. */
    public boolean deliver(String key, String recipient, String subject, String text) {
        try {
            api.deliver(new MailNotificationsApi.Notification(key, recipient, subject, text, "Sécurité du portail agents"));
            return true;
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf("Notification %s not delivered yet (%s); it will be retried", key, e.getMessage());
            return false;
        }
    }
}
