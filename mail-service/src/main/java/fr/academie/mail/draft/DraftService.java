package fr.academie.mail.draft;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.mail.config.MailConfig;
import fr.academie.mail.html.HtmlSanitizer;
import fr.academie.mail.message.Attachment;
import fr.academie.mail.message.Message;
import fr.academie.mail.mime.ParsedMessage;
import fr.academie.mail.mime.PartExtractor;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.signature.SignatureService;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Drafts from the first keystroke to "envoyer": saved as the person types (a version guards against two tabs),
 * started as replies and forwards, given attachments, then scheduled to leave — after the undo window or at the
 * time chosen — until {@link Sending} sends them. Every method is scoped to the owner: another's draft is absent.
 */
@ApplicationScoped
@Transactional
public class DraftService {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Duration LATEST = Duration.ofDays(366);

    private final SignatureService signatures;
    private final Quotas quotas;
    private final MessageSources sources;
    private final MailConfig config;

    public DraftService(SignatureService signatures, Quotas quotas, MessageSources sources, MailConfig config) {
        this.signatures = signatures;
        this.quotas = quotas;
        this.sources = sources;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DraftView> list(String ownerId, int limit, Cursor after) {
        Parameters parameters = Parameters.with("owner", ownerId);
        String where = "ownerId = :owner";
        if (after != null) {
            where += " and " + Cursor.after("updatedAt");
            after.parameters().forEach(parameters::and);
        }
        List<Draft> rows = Draft.<Draft>find(where + " order by updatedAt desc, id desc", parameters).range(0, limit).list();
        return Page.of(rows, limit, d -> new Cursor(d.updatedAt, d.id), d -> DraftView.of(d, DraftAttachment.of(d.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DraftView> find(String ownerId, UUID id) {
        return Draft.ofOwner(ownerId, id).map(DraftService::view);
    }

    /** A new draft; without a body, it starts with the person's signature for new mail. */
    public DraftView create(String ownerId, DraftInput input) {
        Draft draft = newDraft(ownerId);
        draft.recipients = input.recipients();
        draft.subject = input.subject() == null ? "" : input.subject();
        draft.bodyHtml = input.bodyHtml() != null ? HtmlSanitizer.forSending(input.bodyHtml())
                : "<p><br></p>" + signatures.defaultFor(ownerId, false).map(s -> "<div class=\"signature\">" + s + "</div>").orElse("");
        draft.persist();
        return view(draft);
    }

    /** A reply (to the sender, or to everyone but the author) quoting the original; empty when it is not the owner's. */
    public Optional<DraftView> reply(Author author, UUID messageId, boolean all) {
        return Message.ofOwner(author.id(), messageId).map(original -> {
            Draft draft = newDraft(author.id());
            List<ParsedMessage.Address> to = new ArrayList<>();
            List<ParsedMessage.Address> cc = new ArrayList<>();
            to.add(new ParsedMessage.Address(original.senderName, original.senderAddress));
            if (all && original.recipients != null) {
                to.addAll(original.recipients.to());
                cc.addAll(original.recipients.cc());
            }
            draft.recipients = new Draft.Recipients(others(to, author, List.of()), others(cc, author, to), List.of());
            if (draft.recipients.to().isEmpty()) { // a reply to one's own message goes to its recipients
                draft.recipients = new Draft.Recipients(original.recipients == null ? List.of() : original.recipients.to(),
                        List.of(), List.of());
            }
            draft.subject = Quotes.replySubject(original.subject);
            draft.bodyHtml = Quotes.reply(original, signatures.defaultFor(author.id(), true).orElse(null));
            draft.replyToId = original.id;
            draft.persist();
            return view(draft);
        });
    }

    /**
     * A forward of the original: quoted with its attachments copied into the draft, or attached whole as a
     * message (.eml). Empty when it is not the owner's.
     */
    public Optional<DraftView> forward(Author author, UUID messageId, boolean asAttachment) {
        return Message.ofOwner(author.id(), messageId).map(original -> {
            Draft draft = newDraft(author.id());
            draft.subject = Quotes.forwardSubject(original.subject);
            String signature = signatures.defaultFor(author.id(), false).orElse(null);
            if (asAttachment) {
                draft.forwardId = original.id;
                draft.bodyHtml = "<p><br></p>" + (signature == null ? "" : "<div class=\"signature\">" + signature + "</div>");
            } else {
                draft.bodyHtml = Quotes.forward(original, signature);
            }
            draft.persist();
            Panache.getEntityManager().flush();
            if (!asAttachment) {
                for (Attachment part : Attachment.of(original.id)) {
                    if (!part.inline) {
                        try (Spool content = Spool.written(out -> {
                            try (InputStream in = sources.open(original.id)) {
                                PartExtractor.copy(in, part.partIndex, out);
                            }
                        })) {
                            store(draft, part.fileName, part.contentType, content);
                        }
                    }
                }
            }
            return view(draft);
        });
    }

    /** Saves what the editor sends; refused while the draft is leaving, or when another tab saved it since. */
    public Optional<DraftView> update(String ownerId, UUID id, DraftInput input) {
        return Draft.ofOwner(ownerId, id).map(draft -> {
            editable(draft);
            if (input.version() != null && input.version() != draft.version) {
                throw ProblemException.conflict("urn:portail:mail:draft-changed", "Brouillon modifié ailleurs",
                        "Ce brouillon a été modifié dans une autre fenêtre : rechargez-le avant de continuer.", "version");
            }
            draft.recipients = input.recipients();
            draft.subject = input.subject() == null ? "" : input.subject();
            draft.bodyHtml = HtmlSanitizer.forSending(input.bodyHtml());
            draft.sendError = null;
            draft.updatedAt = Instant.now();
            Panache.getEntityManager().flush(); // the new version, for the editor's next save
            return view(draft);
        });
    }

    /** Deletes the draft and its attachments, giving their bytes back to the quota. */
    public boolean delete(String ownerId, UUID id) {
        return Draft.ofOwner(ownerId, id).map(draft -> {
            release(draft);
            draft.delete();
            return true;
        }).orElse(false);
    }

    /** Attaches the uploaded file, if its type is allowed and it fits in the message's limit and the quota. */
    public Optional<DraftView.AttachmentView> attach(String ownerId, UUID id, String fileName, Spool content) {
        return Draft.ofOwner(ownerId, id).map(draft -> {
            editable(draft);
            String type = AttachmentPolicy.check(fileName, content);
            return DraftView.AttachmentView.of(store(draft, fileName, type, content));
        });
    }

    /** How many bytes the draft's attachments may still take. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long room(String ownerId, UUID id) {
        return Draft.ofOwner(ownerId, id).map(draft -> config.sending().maxAttachments().asLongValue() - DraftAttachment.bytesOf(draft.id))
                .orElse(0L);
    }

    public boolean detach(String ownerId, UUID id, UUID attachmentId) {
        return Draft.ofOwner(ownerId, id).flatMap(draft -> {
            editable(draft);
            return DraftAttachment.<DraftAttachment>find("id = ?1 and draftId = ?2", attachmentId, draft.id)
                    .firstResultOptional().map(attachment -> {
                        quotas.release(ownerId, attachment.sizeBytes);
                        attachment.delete();
                        return true;
                    });
        }).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DraftAttachment> attachment(String ownerId, UUID id, UUID attachmentId) {
        return Draft.ofOwner(ownerId, id).flatMap(draft -> DraftAttachment.<DraftAttachment>find(
                "id = ?1 and draftId = ?2", attachmentId, draft.id).firstResultOptional());
    }

    /**
     * "Envoyer": checks the recipients, then schedules the draft to leave at the time chosen ("envoyer plus tard"),
     * or once the undo window has passed. Sending twice changes nothing.
     */
    public Optional<DraftView> send(Author author, UUID id, Instant at) {
        return Draft.ofOwner(author.id(), id).map(draft -> {
            if (draft.scheduled()) {
                return view(draft);
            }
            checkRecipients(draft.recipients);
            Instant now = Instant.now();
            if (at != null && (at.isBefore(now) || at.isAfter(now.plus(LATEST)))) {
                throw ProblemException.unprocessable("urn:portail:mail:invalid-send-time", "Date d'envoi invalide",
                        "La date d'envoi doit être dans le futur, et dans moins d'un an.", "sendAt");
            }
            if (author.address() == null) {
                throw ProblemException.conflict("urn:portail:mail:no-address", "Adresse manquante",
                        "Votre compte n'a pas d'adresse électronique : contactez l'assistance de l'académie.", null);
            }
            draft.fromName = author.name();
            draft.fromAddress = author.address();
            draft.sendAt = at != null ? at : now.plus(config.sending().undoDelay());
            draft.sendError = null;
            draft.updatedAt = now;
            Panache.getEntityManager().flush();
            return view(draft);
        });
    }

    /**
     * "Annuler": the draft comes back to the editor. Waits if it is being sent at that very moment; once it has
     * left, there is no draft any more (empty, as for a draft that is not the owner's).
     */
    public Optional<DraftView> cancel(String ownerId, UUID id) {
        return Draft.<Draft>find("id = ?1 and ownerId = ?2", id, ownerId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .map(draft -> {
                    if (draft.scheduled()) {
                        draft.sendAt = null;
                        draft.updatedAt = Instant.now();
                        Panache.getEntityManager().flush();
                    }
                    return view(draft);
                });
    }

    /** Gives back to the quota the bytes of the draft's attachments (deleted with it). */
    public void release(Draft draft) {
        quotas.release(draft.ownerId, DraftAttachment.bytesOf(draft.id));
    }

    private DraftAttachment store(Draft draft, String fileName, String contentType, Spool content) {
        long room = config.sending().maxAttachments().asLongValue() - DraftAttachment.bytesOf(draft.id);
        if (content.size() > room) {
            throw tooLarge();
        }
        quotas.charge(draft.ownerId, content.size());
        DraftAttachment attachment = new DraftAttachment();
        attachment.id = UUID.randomUUID();
        attachment.draftId = draft.id;
        attachment.fileName = fileName;
        attachment.contentType = contentType;
        attachment.sizeBytes = content.size();
        attachment.createdAt = Instant.now();
        attachment.persist();
        Panache.getEntityManager().flush();
        try (InputStream in = content.open()) {
            sources.write(MessageSources.Table.DRAFT_ATTACHMENT, attachment.id, in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        draft.updatedAt = Instant.now();
        return attachment;
    }

    /** 413: the attachments of one message together are limited. */
    ProblemException tooLarge() {
        return new ProblemException("urn:portail:mail:attachments-too-large", "Pièces jointes trop volumineuses", 413,
                String.format(Locale.FRENCH, "Les pièces jointes d'un message ne peuvent dépasser %s au total. Pour un "
                        + "fichier plus gros, déposez-le sur un espace de partage de l'académie et envoyez-en le lien.",
                        megabytes(config.sending().maxAttachments().asLongValue())), "file");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.FRENCH, "%.0f Mo", bytes / 1024.0 / 1024.0);
    }

    private static void checkRecipients(Draft.Recipients recipients) {
        if (recipients.all().isEmpty()) {
            throw ProblemException.unprocessable("urn:portail:mail:no-recipient", "Destinataire manquant",
                    "Ajoutez au moins un destinataire avant d'envoyer.", "to");
        }
        check(recipients.to(), "to");
        check(recipients.cc(), "cc");
        check(recipients.bcc(), "bcc");
    }

    private static void check(List<ParsedMessage.Address> addresses, String field) {
        for (ParsedMessage.Address address : addresses) {
            if (!ADDRESS.matcher(address.address()).matches() || address.address().length() > 254) {
                throw ProblemException.unprocessable("urn:portail:mail:invalid-address", "Adresse invalide",
                        "« " + address.address() + " » n'est pas une adresse électronique valide.", field);
            }
        }
    }

    private static void editable(Draft draft) {
        if (draft.scheduled()) {
            throw ProblemException.conflict("urn:portail:mail:draft-leaving", "Message en cours d'envoi",
                    "Ce message est programmé pour partir : annulez l'envoi avant de le modifier.", null);
        }
    }

    /** The addresses without the author's own and without those already listed. */
    private static List<ParsedMessage.Address> others(List<ParsedMessage.Address> addresses, Author author,
                                                      List<ParsedMessage.Address> already) {
        List<String> seen = new ArrayList<>(already.stream().map(a -> a.address().toLowerCase(Locale.ROOT)).toList());
        List<ParsedMessage.Address> kept = new ArrayList<>();
        for (ParsedMessage.Address address : addresses) {
            String key = address.address().toLowerCase(Locale.ROOT);
            if (!key.isBlank() && !key.equalsIgnoreCase(Objects.requireNonNullElse(author.address(), ""))
                    && !seen.contains(key)) {
                seen.add(key);
                kept.add(address);
            }
        }
        return kept;
    }

    private static Draft newDraft(String ownerId) {
        Draft draft = new Draft();
        draft.id = UUID.randomUUID();
        draft.ownerId = ownerId;
        draft.createdAt = Instant.now();
        draft.updatedAt = draft.createdAt;
        return draft;
    }

    private static DraftView view(Draft draft) {
        return DraftView.of(draft, DraftAttachment.of(draft.id));
    }
}
