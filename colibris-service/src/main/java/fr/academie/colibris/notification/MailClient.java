package fr.academie.colibris.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/** Drops an outbox row in the person's mailbox through mail-service (idempotent on the row's id). */
@ApplicationScoped
public class MailClient {

    private final MailApi api;

    public MailClient(@RestClient MailApi api) {
        this.api = api;
    }

    /** Empty once mail-service has it (now or before); otherwise why not, to retry later. */
    public Optional<String> deliver(Notice notice) {
        try {
            api.deliver(new MailApi.Notification(notice.id.toString(), notice.recipientId, notice.subject, notice.text,
                    "Colibris – démarches RH"));
            return Optional.empty();
        } catch (WebApplicationException e) {
            return Optional.of("mail-service answered " + e.getResponse().getStatus());
        } catch (ProcessingException | io.quarkus.oidc.client.OidcClientException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
