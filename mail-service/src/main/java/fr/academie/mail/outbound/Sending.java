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
import fr.academie.mail.store.Spool;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
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
 * being sent is locked: "annuler" waits for the outcome, and two instances never send it twice. What a mail client
 * submits (SMTP submission) takes the same way to its recipients.
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
        Routes routes;
        try {
            routes = routes(draft.recipients.all().stream().map(ParsedMessage.Address::address).toList());
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
            dispatch(draft.ownerId, draft.fromAddress, routes, composed.transmitted(), draft.subject,
                    composed.messageId(), now);
        }
    }

    /**
     * Sends what a person's mail client submitted (SMTP submission), as the web page sends a draft but at once and
     * without a copy in Envoyés: the client keeps its own there (APPEND), as Thunderbird, Outlook and phones do.
     *
     * @throws KeycloakDirectory.Unavailable when the académie's recipients cannot be looked up: nothing is sent
     */
    @Transactional
    @ActivateRequestContext // the directory's admin client lives in one; the SMTP door has none
    public void submit(String ownerId, String fromAddress, List<String> recipients, Spool message, String subject,
                       String messageId) {
        dispatch(ownerId, fromAddress, routes(recipients), message, subject, messageId, Instant.now());
    }

    /** The recipients by route: académie people (once each), unknown académie addresses, other addresses. */
    private record Routes(Map<String, KeycloakDirectory.Person> academie, List<Bounces.Failure> failures,
                          Set<String> external) {
    }

    private Routes routes(List<String> recipients) {
        Routes routes = new Routes(new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashSet<>());
        Set<String> seenPeople = new LinkedHashSet<>();
        for (String address : recipients) {
            String key = address.toLowerCase(Locale.ROOT);
            if (!config.isAcademie(key)) {
                routes.external().add(key);
                continue;
            }
            Optional<KeycloakDirectory.Person> person = directory.byAddress(key);
            if (person.isEmpty()) {
                routes.failures().add(new Bounces.Failure(key,
                        "cette adresse n'existe pas dans l'académie ; vérifiez son orthographe."));
            } else if (seenPeople.add(person.get().id())) {
                routes.academie().put(key, person.get());
            }
        }
        return routes;
    }

    /**
     * The message as its recipients get it: a copy in the inbox of every académie recipient, one queued for the relay
     * for the other addresses, a non-delivery report to the sender for who could not be reached.
     */
    private void dispatch(String ownerId, String fromAddress, Routes routes, Spool transmitted, String subject,
                          String messageId, Instant now) {
        List<Bounces.Failure> failures = new ArrayList<>(routes.failures());
        for (Map.Entry<String, KeycloakDirectory.Person> recipient : routes.academie().entrySet()) {
            String personId = recipient.getValue().id();
            if (quotas.hasRoom(personId, transmitted.size())) {
                delivery.deliver(new DeliveryPipeline.Destination(personId,
                        folders.systemFolderId(personId, SystemFolder.INBOX), true, false), transmitted);
            } else {
                failures.add(new Bounces.Failure(recipient.getKey(),
                        "la messagerie de ce destinataire est pleine ; il doit libérer de l'espace pour recevoir de nouveaux messages."));
            }
        }
        if (!routes.external().isEmpty()) {
            try (InputStream in = transmitted.open()) {
                relay.queue(ownerId, fromAddress, List.copyOf(routes.external()), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!failures.isEmpty()) {
            bounces.report(ownerId, subject, messageId, now, failures, config.domain());
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
