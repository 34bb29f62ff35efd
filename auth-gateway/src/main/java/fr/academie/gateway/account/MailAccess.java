package fr.academie.gateway.account;

import io.quarkus.oidc.client.OidcClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * An account's mail programs lose their access at once (application passwords revoked, open IMAP sessions ended within
 * seconds) when the account is disabled or "ce n'était pas moi" is said. When mail-service cannot be reached it is
 * logged and nothing more: each program's next sign-in asks Keycloak anyway, only sessions already open then last
 * until they disconnect.
 */
@ApplicationScoped
public class MailAccess {

    private static final Logger LOG = Logger.getLogger(MailAccess.class);

    /** Why: as mail-service names it. */
    public enum Reason { COMPTE_DESACTIVE, MOT_DE_PASSE_CHANGE }

    private final Instance<MailAccessApi> api;

    public MailAccess(@RestClient Instance<MailAccessApi> api) {
        this.api = api;
    }

    public void revoke(String accountId, Reason reason) {
        try {
            api.get().revoke(new MailAccessApi.Revocation(accountId, reason.name()));
        } catch (WebApplicationException e) {
            LOG.warnf("Mail access of account %s not revoked (%s): mail-service answered %d", accountId, reason,
                    e.getResponse().getStatus());
        } catch (ProcessingException | OidcClientException e) {
            LOG.warnf("Mail access of account %s not revoked (%s): %s", accountId, reason, e.getMessage());
        }
    }
}
