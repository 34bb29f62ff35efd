package fr.academie.mail.notification;

import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.Message;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Delivers notifications to inboxes, each (caller, key) once, even when two retries arrive together. */
@ApplicationScoped
@Transactional
public class NotificationService {

    static final String SENDER_ADDRESS = "ne-pas-repondre@ac-orleans-tours.fr";

    private final FolderService folders;

    public NotificationService(FolderService folders) {
        this.folders = folders;
    }

    /** The delivered message, and whether this call delivered it (false: the key had been delivered before). */
    public record Delivery(UUID messageId, boolean delivered) {
    }

    public Delivery deliver(String caller, NotificationRequest request) {
        UUID messageId = UUID.randomUUID();
        Instant now = Instant.now();
        // the key is claimed first: a concurrent retry waits on the primary key, then finds it taken
        int claimed = Panache.getEntityManager().createNativeQuery("""
                        insert into notification (caller, key, message_id, created_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, request.key()).setParameter(3, messageId).setParameter(4, now)
                .executeUpdate();
        if (claimed == 0) {
            UUID existing = (UUID) Panache.getEntityManager()
                    .createNativeQuery("select message_id from notification where caller = ?1 and key = ?2")
                    .setParameter(1, caller).setParameter(2, request.key()).getSingleResult();
            return new Delivery(existing, false);
        }
        Message message = new Message();
        message.id = messageId;
        message.ownerId = request.recipient();
        message.folderId = folders.systemFolder(request.recipient(), SystemFolder.INBOX).id;
        message.senderName = request.senderName() == null || request.senderName().isBlank() ? "Portail agents"
                : request.senderName();
        message.senderAddress = SENDER_ADDRESS;
        message.subject = request.subject();
        message.text = request.text();
        message.receivedAt = now;
        message.unread = true;
        message.persist();
        return new Delivery(messageId, true);
    }
}
