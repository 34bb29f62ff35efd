package fr.academie.mail.message;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.folder.Folder;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.label.LabelService;
import fr.academie.mail.quota.Quotas;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a person does to their messages, one or a selection at once, in one transaction: marks, moves, the trash
 * (with the folder each message came from, for "restaurer"), and deletion for good, which frees the quota.
 */
@ApplicationScoped
@Transactional
public class MessageActions {

    private final FolderService folders;
    private final LabelService labels;
    private final Quotas quotas;
    private final TrustedSenderService trusted;
    private final Event<PhishingReported> reported;

    public MessageActions(FolderService folders, LabelService labels, Quotas quotas, TrustedSenderService trusted,
                          Event<PhishingReported> reported) {
        this.folders = folders;
        this.labels = labels;
        this.quotas = quotas;
        this.trusted = trusted;
        this.reported = reported;
    }

    /** Applies the action to every message of the selection; returns how many there were. */
    public int apply(String ownerId, String ownerAddress, MessageAction action) {
        List<Message> selection = selection(ownerId, action.ids());
        switch (action.action()) {
            case READ, UNREAD -> selection.forEach(m -> m.unread = action.action() == MessageAction.Kind.UNREAD);
            case FLAG, UNFLAG -> selection.forEach(m -> m.flagged = action.action() == MessageAction.Kind.FLAG);
            case MOVE -> moveTo(ownerId, selection, destination(ownerId, action.folderId()));
            case ARCHIVE -> moveTo(ownerId, selection, folders.systemFolder(ownerId, SystemFolder.ARCHIVE));
            case TRASH -> moveTo(ownerId, selection, folders.systemFolder(ownerId, SystemFolder.TRASH));
            case RESTORE -> restore(ownerId, selection);
            case DELETE_FOREVER -> deleteForever(ownerId, selection);
            case LABEL -> labels.attach(label(ownerId, action.labelId()), ids(selection));
            case UNLABEL -> labels.detach(label(ownerId, action.labelId()), ids(selection));
            case REPORT_PHISHING -> {
                moveTo(ownerId, selection, folders.systemFolder(ownerId, SystemFolder.JUNK));
                reported.fire(new PhishingReported(ownerId, ownerAddress, ids(selection)));
            }
            case NOT_JUNK -> {
                moveTo(ownerId, selection, folders.systemFolder(ownerId, SystemFolder.INBOX));
                selection.stream().map(m -> m.senderAddress).filter(a -> a != null && !a.isBlank())
                        .distinct().forEach(address -> trusted.trust(ownerId, address));
            }
        }
        return selection.size();
    }

    /** Deletes for good every message of the trash (or of the junk folder); returns how many. */
    public int empty(String ownerId, Folder folder) {
        if (folder.systemRole != SystemFolder.TRASH && folder.systemRole != SystemFolder.JUNK) {
            throw ProblemException.conflict("urn:portail:mail:not-emptiable", "Action impossible",
                    "Seuls la corbeille et les indésirables peuvent être vidés.", null);
        }
        List<Message> messages = Message.list("ownerId = ?1 and folderId = ?2", ownerId, folder.id);
        deleteForever(ownerId, messages);
        return messages.size();
    }

    private static List<Message> selection(String ownerId, List<UUID> ids) {
        List<Message> found = Message.list("ownerId = ?1 and id in ?2", ownerId, ids);
        if (found.size() != new HashSet<>(ids).size()) {
            throw ProblemException.notFound("urn:portail:mail:message-not-found",
                    "Un ou plusieurs de ces messages n'existent pas (ou plus) dans votre messagerie : rien n'a été modifié.");
        }
        return found;
    }

    private UUID label(String ownerId, UUID labelId) {
        if (labelId == null) {
            throw ProblemException.invalid("urn:portail:mail:label-missing", "labelId", "Choisissez l'étiquette.");
        }
        return labels.find(ownerId, labelId).orElseThrow(() -> new ProblemException("urn:portail:mail:label-not-found",
                "Introuvable", 404, "Cette étiquette n'existe pas dans votre messagerie.", "labelId")).id;
    }

    private static List<UUID> ids(List<Message> selection) {
        return selection.stream().map(m -> m.id).toList();
    }

    private static Folder destination(String ownerId, UUID folderId) {
        if (folderId == null) {
            throw ProblemException.invalid("urn:portail:mail:destination-missing", "folderId",
                    "Choisissez le dossier où déplacer les messages.");
        }
        return Folder.ofOwner(ownerId, folderId).orElseThrow(() -> new ProblemException("urn:portail:mail:folder-not-found",
                "Introuvable", 404, "Ce dossier n'existe pas dans votre messagerie.", "folderId"));
    }

    /** Into the folder; a message going to the trash remembers where it was, one leaving it forgets. */
    private void moveTo(String ownerId, List<Message> selection, Folder folder) {
        UUID trash = folders.systemFolderId(ownerId, SystemFolder.TRASH);
        for (Message message : selection) {
            if (!folder.id.equals(trash)) {
                message.trashedFrom = null;
            } else if (!message.folderId.equals(trash)) {
                message.trashedFrom = message.folderId;
            }
            message.folderId = folder.id;
        }
    }

    /** Back where each message was deleted from; to the inbox when that folder is gone. */
    private void restore(String ownerId, List<Message> selection) {
        UUID inbox = folders.systemFolderId(ownerId, SystemFolder.INBOX);
        UUID trash = folders.systemFolderId(ownerId, SystemFolder.TRASH);
        for (Message message : selection) {
            if (message.folderId.equals(trash)) { // a message elsewhere stays where it is
                message.folderId = message.trashedFrom == null ? inbox
                        : Folder.ofOwner(ownerId, message.trashedFrom).map(f -> f.id).orElse(inbox);
                message.trashedFrom = null;
            }
        }
    }

    /**
     * Deletes for good, at most {@code batch} at a time, the messages put in a {@code folder} of their owner (the
     * trash, Indésirables) before {@code cutoff}, freeing their owners' quota; how many.
     */
    public int purge(SystemFolder folder, Instant cutoff, int batch) {
        List<Message> old = Message.<Message>find("folderId in (select f.id from Folder f where f.systemRole = ?1)"
                + " and filedAt < ?2", folder, cutoff).range(0, batch - 1).list();
        old.stream().collect(Collectors.groupingBy(m -> m.ownerId)).forEach(this::deleteForever);
        return old.size();
    }

    /**
     * Deletes the rows (their source and attachments go with them, on delete cascade) and frees the bytes of
     * those this transaction deleted: two deletions of one message at once free its bytes once.
     */
    private void deleteForever(String ownerId, List<Message> selection) {
        if (selection.isEmpty()) {
            return;
        }
        List<?> sizes = Panache.getEntityManager()
                .createNativeQuery("delete from message where owner_id = ?1 and id in (?2) returning size_bytes")
                .setParameter(1, ownerId).setParameter(2, selection.stream().map(m -> m.id).toList())
                .getResultList();
        quotas.release(ownerId, sizes.stream().mapToLong(size -> ((Number) size).longValue()).sum());
        selection.forEach(Panache.getEntityManager()::detach);
    }
}
