package fr.academie.mail.autoreply;

import fr.academie.mail.delivery.Arrival;
import fr.academie.mail.delivery.DeliveryStep;
import fr.academie.mail.message.RuleTrace;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.james.mime4j.dom.address.Mailbox;

import java.time.Instant;

/**
 * The person's auto-reply ("Réponse automatique"), after her rules: a message arriving in her period is answered by
 * the {@link Responder}.
 */
@ApplicationScoped
public class AutoReplyStep implements DeliveryStep {

    private final Responder responder;

    public AutoReplyStep(Responder responder) {
        this.responder = responder;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void apply(Arrival arrival) {
        AutoReply reply = arrival.imported() ? null : AutoReply.findById(arrival.ownerId());
        if (reply == null || !reply.activeAt(Instant.now())) {
            return;
        }
        int at = reply.fromAddress.lastIndexOf('@');
        Mailbox from = new Mailbox(reply.fromName, reply.fromAddress.substring(0, at), reply.fromAddress.substring(at + 1));
        responder.answer(arrival, new Responder.Reply("", from, reply.subject, reply.internalText, reply.externalText,
                reply.days)).ifPresent(to -> arrival.trace(new RuleTrace(null, 0, "réponse automatique envoyée à " + to)));
    }
}
