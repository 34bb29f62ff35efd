package fr.academie.gateway.account;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** mail-service's revocation of an account's mail access, called with the gateway's token (role {@code comptes}). */
@Path("/internal/access-revocations")
@RegisterRestClient(configKey = "mail-access")
@OidcClientFilter("mail-notifier")
interface MailAccessApi {

    record Revocation(String accountId, String reason) {
    }

    @POST
    void revoke(Revocation revocation);
}
