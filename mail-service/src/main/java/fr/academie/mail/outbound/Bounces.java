package fr.academie.mail.outbound;

import fr.academie.common.date.FrenchDates;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.mime.AutomaticMessages;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.store.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Non-delivery reports: the sender of a message that could not reach someone receives, in their inbox, a message
 * from the académie's mail administrator naming each address and why, in French, with what to do.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Bounces {

    private static final Logger LOG = Logger.getLogger(Bounces.class);

    /** An address that was not reached, and why (a sentence a person understands). */
    public record Failure(String address, String reason) {
    }

    private final DeliveryPipeline delivery;
    private final FolderService folders;
    private final Quotas quotas;

    public Bounces(DeliveryPipeline delivery, FolderService folders, Quotas quotas) {
        this.delivery = delivery;
        this.folders = folders;
        this.quotas = quotas;
    }

    /** Tells the sender; when even that report does not fit in their mailbox, it is only logged. */
    public void report(String senderId, String subject, String messageId, Instant sentAt, List<Failure> failures,
                       String domain) {
        byte[] report = build(subject, messageId, sentAt, failures, domain);
        if (!quotas.hasRoom(senderId, report.length)) {
            LOG.warnf("Non-delivery report not stored: the mailbox of %s is full", senderId);
            return;
        }
        delivery.deliver(DeliveryPipeline.Destination.automatic(senderId, folders.systemFolderId(senderId, SystemFolder.INBOX)),
                Spool.of(report));
    }

    static byte[] build(String subject, String messageId, Instant sentAt, List<Failure> failures, String domain) {
        StringBuilder text = new StringBuilder("Votre message « ").append(subject).append(" », envoyé le ")
                .append(FrenchDates.dayAndTime(sentAt)).append(", n'a pas pu être remis ")
                .append(failures.size() == 1 ? "au destinataire suivant" : "aux destinataires suivants").append(" :\n\n");
        failures.forEach(f -> text.append("  - ").append(f.address()).append(" : ").append(f.reason()).append("\n"));
        text.append("\nLes autres destinataires l'ont reçu. Vérifiez l'adresse, ou contactez la personne par un autre moyen.\n\n")
                .append("-- \nAdministrateur de la messagerie, Académie d'Orléans-Tours\n")
                .append("Ce message est automatique : n'y répondez pas.\n");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Auto-Submitted", "auto-replied");
        if (messageId != null) {
            fields.put("In-Reply-To", messageId);
            fields.put("References", messageId);
        }
        return AutomaticMessages.write(new Mailbox("Administrateur de la messagerie", "mailer-daemon", domain),
                "Non remis : " + subject, "<" + UUID.randomUUID() + "@" + domain + ">", text.toString(), fields);
    }
}
