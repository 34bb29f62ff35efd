package fr.academie.mail.outbound;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.mime.MimeParser;
import fr.academie.mail.mime.ParsedMessage;
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
 * Sends what deliveries queued ({@link Onward}): into the inbox of a person of the académie through the delivery
 * pipeline (where her own rules and auto-reply see it as any message), through the relay to anyone else, as written
 * or received, under its envelope sender (none for an auto-reply) and signed by the académie (DKIM); a notice to a person about her own rules goes into her
 * inbox without the delivery steps. An auto-reply to an académie address that does not
 * exist, or to a full mailbox, is dropped (nobody is told an automatic answer did not arrive); a forward that cannot
 * be delivered is told to the person whose rule forwarded it.
 */
@ApplicationScoped
public class OnwardDispatcher {

    private static final Logger LOG = Logger.getLogger(OnwardDispatcher.class);

    private final DeliveryPipeline delivery;
    private final FolderService folders;
    private final KeycloakDirectory directory;
    private final Quotas quotas;
    private final SmtpRelay relay;
    private final Bounces bounces;
    private final MailConfig config;

    public OnwardDispatcher(DeliveryPipeline delivery, FolderService folders, KeycloakDirectory directory, Quotas quotas,
                            SmtpRelay relay, Bounces bounces, MailConfig config) {
        this.delivery = delivery;
        this.folders = folders;
        this.directory = directory;
        this.quotas = quotas;
        this.relay = relay;
        this.bounces = bounces;
        this.config = config;
    }

    @Scheduled(identity = "onward", every = "2s", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendQueued() {
        for (UUID id : queued()) {
            try {
                send(id);
            } catch (KeycloakDirectory.Unavailable e) {
                LOG.warnf("Queued messages wait for the directory: %s", e.getMessage());
                return;
            }
        }
    }

    @Transactional
    List<UUID> queued() {
        return Onward.<Onward>find("order by createdAt").page(0, 100).list().stream().map(q -> q.id).toList();
    }

    /** One message, its row locked meanwhile (a second instance skips it). */
    @Transactional
    void send(UUID id) {
        List<?> locked = Panache.getEntityManager()
                .createNativeQuery("select id from onward_queue where id = ?1 for update skip locked")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            return;
        }
        Onward onward = Onward.findById(id);
        if (!config.isAcademie(onward.recipient)) {
            relay.queueVerbatim(onward.ownerId, onward.sender, onward.recipient, new ByteArrayInputStream(onward.source));
        } else {
            deliverInside(onward);
        }
        onward.delete();
    }

    private void deliverInside(Onward onward) {
        Optional<KeycloakDirectory.Person> person = directory.byAddress(onward.recipient);
        String failure = person.isEmpty() ? "cette adresse n'existe pas dans l'académie ; vérifiez son orthographe."
                : !quotas.hasRoom(person.get().id(), onward.source.length)
                ? "la messagerie de ce destinataire est pleine ; il doit libérer de l'espace pour recevoir de nouveaux messages."
                : null;
        if (failure != null) {
            if (onward.kind == Onward.Kind.FORWARD) {
                ParsedMessage message = MimeParser.parse(new ByteArrayInputStream(onward.source));
                bounces.report(onward.ownerId, message.subject(), message.messageId(), onward.createdAt,
                        List.of(new Bounces.Failure(onward.recipient, "votre règle" + (onward.rule == null ? "" : " « "
                                + onward.rule + " »") + " n'a pas pu lui transférer ce message : " + failure)), config.domain());
            }
            return;
        }
        String id = person.get().id();
        UUID inbox = folders.systemFolderId(id, SystemFolder.INBOX);
        switch (onward.kind) {
            case NOTICE -> delivery.keep(DeliveryPipeline.Destination.automatic(id, inbox), Spool.of(onward.source));
            case REPLY -> delivery.deliver(DeliveryPipeline.Destination.automatic(id, inbox), Spool.of(onward.source));
            case FORWARD -> delivery.deliver(new DeliveryPipeline.Destination(id, inbox, true, false, null,
                    onward.fromPortal, onward.sender), Spool.of(onward.source));
        }
    }
}
