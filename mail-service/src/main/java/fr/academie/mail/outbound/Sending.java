package fr.academie.mail.outbound;

import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.draft.Draft;
import fr.academie.mail.draft.DraftAttachment;
import fr.academie.mail.draft.DraftService;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.quota.Quotas;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends the drafts whose time has come (the undo window is over, or the "envoyer plus tard" date), each in one
 * transaction: the sender's copy in Envoyés, a copy in the inbox of every académie recipient at once, one
 * queued for the relay for the other addresses, a non-delivery report for who could not be reached. A draft
 * being sent is locked: "annuler" waits for the outcome, and two instances never send it twice.
 */
@ApplicationScoped
public class Sending {

    private static final Logger LOG = Logger.getLogger(Sending.class);
    private static final int PER_RUN = 100;

    private final Composer composer;
    private final DeliveryPipeline delivery;
    private final FolderService folders;
    private final KeycloakDirectory directory;
    private final Quotas quotas;
    private final SmtpRelay relay;
    private final Bounces bounces;
    private final DraftService drafts;
    private final MailConfig config;

    public Sending(Composer composer, DeliveryPipeline delivery, FolderService folders, KeycloakDirectory directory,
                   Quotas quotas, SmtpRelay relay, Bounces bounces, DraftService drafts, MailConfig config) {
        this.composer = composer;
        this.delivery = delivery;
        this.folders = folders;
        this.directory = directory;
        this.quotas = quotas;
        this.relay = relay;
        this.bounces = bounces;
        this.drafts = drafts;
        this.config = config;
    }

    @Scheduled(identity = "send-due-drafts", every = "1s", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        for (UUID id : due()) {
            try {
                send(id);
            } catch (RuntimeException e) {
                // the transaction is undone: the draft goes back to the editor with the reason, never lost
                LOG.errorf(e, "Sending draft %s failed", id);
                fail(id, "L'envoi a échoué à cause d'une erreur du service. Réessayez ; si l'erreur persiste, "
                        + "contactez l'assistance.");
            }
        }
    }

    @Transactional
    List<UUID> due() {
        return Draft.<Draft>find("sendAt <= ?1 order by sendAt", Instant.now()).page(0, PER_RUN).list()
                .stream().map(d -> d.id).toList();
    }

    /** Sends the draft if it is still due and not being sent elsewhere. */
    @Transactional
    void send(UUID id) {
        List<?> locked = Panache.getEntityManager().createNativeQuery(
                        "select id from draft where id = ?1 and send_at <= ?2 for update skip locked")
                .setParameter(1, id).setParameter(2, Instant.now()).getResultList();
        if (locked.isEmpty()) {
            return; // cancelled, sent by another instance, or being sent right now
        }
        Draft draft = Draft.findById(id);
        Map<String, KeycloakDirectory.Person> academie = new LinkedHashMap<>();
        List<Bounces.Failure> failures = new ArrayList<>();
        Set<String> external = new LinkedHashSet<>();
        try {
            sort(draft, academie, failures, external);
        } catch (KeycloakDirectory.Unavailable e) {
            LOG.warnf("Draft %s waits: %s", id, e.getMessage());
            draft.sendAt = Instant.now().plusSeconds(60);
            draft.sendError = "L'annuaire de l'académie ne répond pas : le message partira dès qu'il sera revenu.";
            return;
        }
        Message answered = draft.replyToId == null ? null : Message.ofOwner(draft.ownerId, draft.replyToId).orElse(null);
        Message forwarded = draft.forwardId == null ? null : Message.ofOwner(draft.ownerId, draft.forwardId).orElse(null);
        Instant now = Instant.now();
        try (Composer.Composed composed = composer.compose(draft, DraftAttachment.of(draft.id), answered, forwarded,
                now, config.domain())) {
            long attachments = DraftAttachment.bytesOf(draft.id);
            if (!quotas.hasRoom(draft.ownerId, composed.sentCopy().size() - attachments)) {
                draft.sendAt = null;
                draft.sendError = "Votre messagerie est pleine : libérez de l'espace, puis envoyez de nouveau ce message.";
                return;
            }
            drafts.release(draft);
            draft.delete();
            Panache.getEntityManager().flush();
            delivery.keep(new DeliveryPipeline.Destination(draft.ownerId, folders.systemFolderId(draft.ownerId, SystemFolder.SENT),
                    false, false), composed.sentCopy());
            for (Map.Entry<String, KeycloakDirectory.Person> recipient : academie.entrySet()) {
                String personId = recipient.getValue().id();
                if (quotas.hasRoom(personId, composed.transmitted().size())) {
                    delivery.deliver(new DeliveryPipeline.Destination(personId,
                            folders.systemFolderId(personId, SystemFolder.INBOX), true, false), composed.transmitted());
                } else {
                    failures.add(new Bounces.Failure(recipient.getKey(),
                            "la messagerie de ce destinataire est pleine ; il doit libérer de l'espace pour recevoir de nouveaux messages."));
                }
            }
            if (!external.isEmpty()) {
                queue(draft, external, composed);
            }
            if (!failures.isEmpty()) {
                bounces.report(draft.ownerId, draft.subject, composed.messageId(), now, failures, config.domain());
            }
        }
    }

    /** The recipients by route: académie people (once each), unknown académie addresses, other addresses. */
    private void sort(Draft draft, Map<String, KeycloakDirectory.Person> academie, List<Bounces.Failure> failures,
                      Set<String> external) {
        Set<String> seenPeople = new LinkedHashSet<>();
        for (ParsedMessage.Address address : draft.recipients.all()) {
            String key = address.address().toLowerCase(Locale.ROOT);
            if (!config.isAcademie(key)) {
                external.add(key);
                continue;
            }
            Optional<KeycloakDirectory.Person> person = directory.byAddress(key);
            if (person.isEmpty()) {
                failures.add(new Bounces.Failure(key, "cette adresse n'existe pas dans l'académie ; vérifiez son orthographe."));
            } else if (seenPeople.add(person.get().id())) {
                academie.put(key, person.get());
            }
        }
    }

    private void queue(Draft draft, Set<String> recipients, Composer.Composed composed) {
        try (InputStream in = composed.transmitted().open()) {
            relay.queue(draft.ownerId, draft.fromAddress, List.copyOf(recipients), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void fail(UUID id, String reason) {
        Draft.<Draft>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).ifPresent(draft -> {
            draft.sendAt = null;
            draft.sendError = reason;
        });
    }
}
