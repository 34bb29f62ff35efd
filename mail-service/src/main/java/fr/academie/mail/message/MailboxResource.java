package fr.academie.mail.quota;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /mailbox}: the caller's quota and what their messages use (the SPA's bar, its warning past 90 %). */
@Path("/mailbox")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    private final Quotas quotas;
    private final JsonWebToken token;

    public MailboxResource(Quotas quotas, JsonWebToken token) {
        this.quotas = quotas;
        this.token = token;
    }

    public record MailboxView(long quota, long used, int percent, boolean nearlyFull) {
    }

    @GET
    public MailboxView mailbox() {
        Quotas.Usage usage = quotas.usage(token.getSubject());
        return new MailboxView(usage.quota(), usage.used(), usage.percent(), usage.nearlyFull());
    }
}
