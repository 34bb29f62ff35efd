package fr.academie.mail.imap;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.delivery.DeliveryPipeline;
import fr.academie.mail.delivery.DeliveryPipeline.Destination;
import fr.academie.mail.folder.FolderInput;
import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import fr.academie.mail.message.Message;
import fr.academie.mail.quota.Quotas;
import fr.academie.mail.store.MessageSources;
import fr.academie.mail.store.Spool;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What IMAP clients change beyond flags, through what the web page uses: APPEND stored by the delivery pipeline (its
 * storage and quota, never its rules nor the auto-reply), COPY as a new message of the same bytes, MOVE and EXPUNGE as
 * the web page moves and deletes for good (the quota freed), folders made, renamed and deleted by {@link FolderService}.
 * Each call is one transaction marked with the IMAP server's origin: its own sessions are told by James, not the journal.
 */
@ApplicationScoped
@Transactional
public class ImapWrites {

    private final DeliveryPipeline pipeline;
    private final ImapStore store;
    private final MessageSources sources;
    private final FolderService folders;
    private final Quotas quotas;
    private final Validator validator;

    public ImapWrites(DeliveryPipeline pipeline, ImapStore store, MessageSources sources, FolderService folders,
                      Quotas quotas, Validator validator) {
        this.pipeline = pipeline;
        this.store = store;
        this.sources = sources;
        this.folders = folders;
        this.quotas = quotas;
        this.validator = validator;
    }

    /** A message as stored in a folder: its UID and MODSEQ there. */
    public record Stored(UUID id, long uid, long modseq, long size, Instant receivedAt, UUID threadId) {
    }

    /**
     * APPEND: stores the message in the owner's folder with the client's flags and date, or refuses it whole when it
     * does not fit in the quota (the pipeline's problem {@code urn:portail:mail:quota-exceeded}).
     */
    public Stored append(String ownerId, String origin, UUID folderId, Spool source, ImapStore.FlagChange flags,
                         Instant internalDate) {
        ImapStore.markOrigin(origin);
        Message message = pipeline.keep(new Destination(ownerId, folderId, !flags.seen(), false), source);
        message.receivedAt = internalDate;
        Panache.getEntityManager().flush();
        store.setFlags(ownerId, origin, List.of(flags.on(message.id)));
        return stored(ownerId, message.id).orElseThrow();
    }

    /**
     * COPY: each message of the owner's again, in the target folder, with its flags and labels; the quota counts it.
     * The copies by the message each is of, in order (one expunged meanwhile by another door is left out).
     */
    public Map<UUID, Stored> copy(String ownerId, String origin, UUID targetFolderId, List<UUID> messages) {
        ImapStore.markOrigin(origin);
        EntityManager em = Panache.getEntityManager();
        Map<UUID, Stored> copies = new LinkedHashMap<>();
        for (UUID original : messages) {
            Message source = Message.<Message>find("id = ?1 and ownerId = ?2", original, ownerId).firstResult();
            if (source == null) {
                continue; // expunged meanwhile by another door
            }
            Message copy;
            try (InputStream in = sources.open(original); Spool spool = Spool.of(in, Long.MAX_VALUE)) {
                copy = pipeline.keep(new Destination(ownerId, targetFolderId, source.unread, false), spool);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Spool.TooLarge impossible) {
                throw new IllegalStateException(impossible);
            }
            copy.receivedAt = source.receivedAt;
            em.flush();
            em.createNativeQuery("""
                            update message c set flagged = o.flagged, answered = o.answered, deleted = o.deleted,
                                   draft = o.draft, keywords = o.keywords
                            from message o where c.id = ?1 and o.id = ?2""")
                    .setParameter(1, copy.id).setParameter(2, original).executeUpdate();
            em.createNativeQuery("""
                            insert into message_label (message_id, label_id)
                            select ?1, label_id from message_label where message_id = ?2""")
                    .setParameter(1, copy.id).setParameter(2, original).executeUpdate();
            copies.put(original, stored(ownerId, copy.id).orElseThrow());
        }
        return copies;
    }

    /**
     * MOVE: the owner's messages into the target folder, each with its new UID there. As in the web page, a message
     * going to the trash remembers where it was ("restaurer"), and one leaving it forgets.
     */
    public List<Stored> move(String ownerId, String origin, UUID targetFolderId, List<UUID> messages) {
        ImapStore.markOrigin(origin);
        UUID trash = folders.systemFolderId(ownerId, SystemFolder.TRASH);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        update message set folder_id = ?1,
                               trashed_from = case when ?1 <> ?2 then null
                                                   when folder_id = ?2 then trashed_from else folder_id end
                        where owner_id = ?3 and id in (?4)
                        returning id, uid, modseq, size_bytes, received_at, thread_id""")
                .setParameter(1, targetFolderId).setParameter(2, trash).setParameter(3, ownerId)
                .setParameter(4, messages).getResultList();
        return rows.stream().map(ImapWrites::stored).toList();
    }

    /** EXPUNGE: deletes for good these messages of the owner's folder, freeing their bytes; those it deleted. */
    public List<Stored> expunge(String ownerId, String origin, UUID folderId, List<Long> uids) {
        ImapStore.markOrigin(origin);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        delete from message where owner_id = ?1 and folder_id = ?2 and uid in (?3)
                        returning id, uid, modseq, size_bytes, received_at, thread_id""")
                .setParameter(1, ownerId).setParameter(2, folderId).setParameter(3, uids).getResultList();
        List<Stored> deleted = rows.stream().map(ImapWrites::stored).toList();
        quotas.release(ownerId, deleted.stream().mapToLong(Stored::size).sum());
        return deleted;
    }

    /** CREATE: a personal folder at that path, whose parent exists (James creates each level of a path in turn). */
    public UUID createFolder(String ownerId, String path) {
        return folders.create(ownerId, place(ownerId, path)).id();
    }

    /**
     * RENAME: the folder gets the path's name and parent; its sub-folders follow it (their paths are made of their
     * parents'). Into the trash, which holds no folders, it is what deleting it is in the web page: the folder and its
     * sub-folders go, their messages to the trash (Thunderbird deletes a folder so).
     */
    public void renameFolder(String ownerId, UUID folderId, String path) {
        FolderInput place = place(ownerId, path);
        if (place.parentId() != null
                && place.parentId().equals(folders.systemFolderId(ownerId, SystemFolder.TRASH))) {
            folders.delete(ownerId, folderId);
        } else {
            folders.change(ownerId, folderId, place);
        }
    }

    /**
     * DELETE: the folder goes and its messages to the trash, as in the web page (restorable for 30 days, never lost by a
     * wrong click in a client). A folder with sub-folders is refused, as Dovecot does: they would go with it.
     */
    public void deleteFolder(String ownerId, UUID folderId) {
        boolean parent = !Panache.getEntityManager()
                .createNativeQuery("select 1 from folder where owner_id = ?1 and parent_id = ?2")
                .setParameter(1, ownerId).setParameter(2, folderId).getResultList().isEmpty();
        if (parent) {
            throw ProblemException.conflict("urn:portail:mail:folder-has-children", "Dossier non vide",
                    "Ce dossier contient des sous-dossiers : supprimez-les d'abord.", null);
        }
        folders.delete(ownerId, folderId);
    }

    /** The name and parent of a folder path, checked as the web page checks a folder's name. */
    private FolderInput place(String ownerId, String path) {
        int last = path.lastIndexOf(ImapStore.DELIMITER);
        UUID parent = last < 0 ? null : store.folder(ownerId, path.substring(0, last))
                .orElseThrow(() -> ProblemException.notFound("urn:portail:mail:folder-not-found",
                        "Le dossier parent n'existe pas dans votre messagerie.")).id();
        FolderInput input = new FolderInput(path.substring(last + 1), parent);
        for (ConstraintViolation<FolderInput> violation : validator.validate(input)) {
            throw ProblemException.invalid("urn:portail:mail:folder-name", "name", violation.getMessage());
        }
        return input;
    }

    private static Optional<Stored> stored(String ownerId, UUID message) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select id, uid, modseq, size_bytes, received_at, thread_id from message
                        where id = ?1 and owner_id = ?2""")
                .setParameter(1, message).setParameter(2, ownerId).getResultList();
        return rows.stream().findFirst().map(ImapWrites::stored);
    }

    private static Stored stored(Object[] row) {
        return new Stored((UUID) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(), (Instant) row[4], (UUID) row[5]);
    }
}
