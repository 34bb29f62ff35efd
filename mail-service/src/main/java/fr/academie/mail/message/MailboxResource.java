package fr.academie.mail.message;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.quota.Quotas;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's mailbox as a whole: its quota and what it uses, and the largest messages to free space. */
@Path("/mailbox")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    private final Quotas quotas;
    private final MessageService messages;
    private final JsonWebToken token;

    public MailboxResource(Quotas quotas, MessageService messages, JsonWebToken token) {
        this.quotas = quotas;
        this.messages = messages;
        this.token = token;
    }

    public record MailboxView(long quota, long used, int percent, boolean nearlyFull) {
    }

    @GET
    public MailboxView mailbox() {
        Quotas.Usage usage = quotas.usage(token.getSubject());
        return new MailboxView(usage.quota(), usage.used(), usage.percent(), usage.nearlyFull());
    }

    /** The largest messages, largest first (20 unless {@code limit} says otherwise, 100 at most). */
    @GET
    @Path("largest")
    public Page<LargeMessage> largest(@QueryParam("limit") Integer limit) {
        int count = limit == null ? 20 : limit;
        if (count < 1 || count > 100) {
            throw ProblemException.invalid("urn:portail:invalid-limit", "limit",
                    "Le nombre de messages demandé doit être compris entre 1 et 100.");
        }
        return Page.all(messages.largest(token.getSubject(), count));
    }
}
