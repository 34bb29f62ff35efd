package fr.academie.mail.autoreply;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.outbound.SmtpRelay;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.store.Spool;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the queued auto-replies: into the inbox of a person of the académie (through the delivery pipeline, where her
 * own auto-reply, seeing Auto-Submitted:, stays silent), through the relay to anyone else. An académie address that
 * does not exist, or a full mailbox, drops the reply: nobody is told that an automatic answer did not arrive.
 */
@ApplicationScoped
public class AutoReplySending {

    private static final Logger LOG = Logger.getLogger(AutoReplySending.class);

    private final DeliveryPipeline delivery;
    private final FolderService folders;
    private final KeycloakDirectory directory;
    private final Quotas quotas;
    private final SmtpRelay relay;
    private final MailConfig config;

    public AutoReplySending(DeliveryPipeline delivery, FolderService folders, KeycloakDirectory directory, Quotas quotas,
                            SmtpRelay relay, MailConfig config) {
        this.delivery = delivery;
        this.folders = folders;
        this.directory = directory;
        this.quotas = quotas;
        this.relay = relay;
        this.config = config;
    }

    @Scheduled(identity = "auto-replies", every = "2s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendQueued() {
        for (UUID id : queued()) {
            try {
                send(id);
            } catch (KeycloakDirectory.Unavailable e) {
                LOG.warnf("Auto-replies wait for the directory: %s", e.getMessage());
                return;
            }
        }
    }

    @Transactional
    List<UUID> queued() {
        return AutoReplyQueued.<AutoReplyQueued>find("order by createdAt").page(0, 100).list().stream().map(q -> q.id).toList();
    }

    /** One reply, its row locked meanwhile (a second instance skips it). */
    @Transactional
    void send(UUID id) {
        List<?> locked = Panache.getEntityManager()
                .createNativeQuery("select id from auto_reply_queue where id = ?1 for update skip locked")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            return;
        }
        AutoReplyQueued reply = AutoReplyQueued.findById(id);
        if (!config.isAcademie(reply.recipient)) {
            relay.queue(reply.ownerId, reply.sender, List.of(reply.recipient), new ByteArrayInputStream(reply.source));
        } else {
            Optional<KeycloakDirectory.Person> person = directory.byAddress(reply.recipient);
            if (person.isPresent() && quotas.hasRoom(person.get().id(), reply.source.length)) {
                delivery.deliver(new DeliveryPipeline.Destination(person.get().id(),
                        folders.systemFolderId(person.get().id(), SystemFolder.INBOX), true, false), Spool.of(reply.source));
            }
        }
        reply.delete();
    }
}
