package fr.academie.mail.notification;

import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.mime.AutomaticMessages;
import fr.academie.mail.store.Spool;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers notifications to inboxes, each (caller, key) once, even when two retries arrive together. A
 * notification is a real message (RFC 5322, built with mime4j) that goes through the delivery pipeline.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    static final String SENDER_ADDRESS = "ne-pas-repondre@ac-orleans-tours.fr";

    private final FolderService folders;
    private final DeliveryPipeline delivery;

    public NotificationService(FolderService folders, DeliveryPipeline delivery) {
        this.folders = folders;
        this.delivery = delivery;
    }

    /** The delivered message, and whether this call delivered it (false: the key had been delivered before). */
    public record Outcome(UUID messageId, boolean delivered) {
    }

    public Outcome deliver(String caller, NotificationRequest request) {
        // the key is claimed first: a concurrent retry waits on the primary key, then finds it taken
        UUID placeholder = UUID.randomUUID();
        int claimed = Panache.getEntityManager().createNativeQuery("""
                        insert into notification (caller, key, message_id, created_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, request.key()).setParameter(3, placeholder)
                .setParameter(4, Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            UUID existing = (UUID) Panache.getEntityManager()
                    .createNativeQuery("select message_id from notification where caller = ?1 and key = ?2")
                    .setParameter(1, caller).setParameter(2, request.key()).getSingleResult();
            return new Outcome(existing, false);
        }
        UUID inbox = folders.systemFolderId(request.recipient(), SystemFolder.INBOX);
        UUID messageId = delivery.deliver(DeliveryPipeline.Destination.portalNotice(request.recipient(), inbox),
                Spool.of(rfc5322(caller, request))).id;
        Panache.getEntityManager().createNativeQuery("update notification set message_id = ?1 where caller = ?2 and key = ?3")
                .setParameter(1, messageId).setParameter(2, caller).setParameter(3, request.key()).executeUpdate();
        // the line that joins the caller's trace (its id on the line) to the message delivered
        LOG.infof("Notification %s from %s delivered as message %s", request.key(), caller, messageId);
        return new Outcome(messageId, true);
    }

    /** Whether the message is a notification this service delivered (the rules' "message du portail"). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean delivered(UUID messageId) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from notification where message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue() > 0;
    }

    /** The notification as a plain-text UTF-8 message from the académie's no-reply address. */
    static byte[] rfc5322(String caller, NotificationRequest request) {
        String name = request.senderName() == null || request.senderName().isBlank() ? "Portail agents" : request.senderName();
        return AutomaticMessages.write(new Mailbox(name, "ne-pas-repondre", "ac-orleans-tours.fr"), request.subject(),
                "<" + UUID.randomUUID() + "." + caller + "@portail.ac-orleans-tours.fr>", request.text(), Map.of());
    }
}
