package fr.academie.mail.imap;

import fr.academie.mail.folder.FolderService;
import fr.academie.mail.folder.SystemFolder;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the IMAP door reads of a person's mailbox, in SQL on the tables the web page uses: her folders with their IMAP
 * paths and numbers, and her messages by UID with their flags and keywords (the labels' names among them).
 */
@ApplicationScoped
@Transactional
public class ImapStore {

    /** The path separator of folder names over IMAP, as in the rules' {@code fileinto}. */
    public static final char DELIMITER = '/';

    private final FolderService folders;

    public ImapStore(FolderService folders) {
        this.folders = folders;
    }

    /** A folder as IMAP sees it: its path from the top ("INBOX", "Archives", "Fournisseurs/Devis"). */
    public record FolderState(UUID id, String ownerId, String path, SystemFolder role, long uidValidity, long lastUid,
                              long highestModseq, boolean subscribed) {
    }

    /** A message as IMAP sees it. {@code keywords}: its labels' ({@link Keywords}), then the client's own. */
    public record MessageState(UUID id, UUID folderId, long uid, long modseq, boolean seen, boolean flagged,
                               boolean answered, boolean deleted, boolean draft, List<String> keywords,
                               Instant receivedAt, long size, UUID threadId) {
    }

    /** Every folder of the person (the system ones created at her mailbox's first use), with its path. */
    public List<FolderState> folders(String ownerId) {
        folders.systemFolderId(ownerId, SystemFolder.INBOX);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select id, parent_id, name, system_role, uid_validity, last_uid, highest_modseq, subscribed
                        from folder where owner_id = ?1""")
                .setParameter(1, ownerId).getResultList();
        Map<UUID, Object[]> byId = new HashMap<>();
        rows.forEach(row -> byId.put((UUID) row[0], row));
        return rows.stream().map(row -> new FolderState((UUID) row[0], ownerId, path(row, byId),
                row[3] == null ? null : SystemFolder.valueOf((String) row[3]), number(row[4]), number(row[5]),
                number(row[6]), (Boolean) row[7])).toList();
    }

    public Optional<FolderState> folder(String ownerId, String path) {
        return folders(ownerId).stream().filter(f -> f.path().equals(path)
                || f.role() == SystemFolder.INBOX && path.equalsIgnoreCase("INBOX")).findFirst();
    }

    public Optional<FolderState> folder(UUID id) {
        List<?> owner = Panache.getEntityManager().createNativeQuery("select owner_id from folder where id = ?1")
                .setParameter(1, id).getResultList();
        return owner.stream().findFirst()
                .flatMap(o -> folders((String) o).stream().filter(f -> f.id().equals(id)).findFirst());
    }

    /** The keywords of the person's labels. */
    public List<String> labelKeywords(String ownerId) {
        return Panache.getEntityManager().createNativeQuery("select name from label where owner_id = ?1")
                .setParameter(1, ownerId).getResultStream().map(name -> Keywords.of((String) name)).toList();
    }

    /** Subscribes to the folder of that path, or unsubscribes (nothing when there is none). */
    public void subscribe(String ownerId, String path, boolean subscribed) {
        folder(ownerId, path).ifPresent(folder -> Panache.getEntityManager()
                .createNativeQuery("update folder set subscribed = ?1 where id = ?2")
                .setParameter(1, subscribed).setParameter(2, folder.id()).executeUpdate());
    }

    /** The folder's UIDs, in order (SELECT numbers its messages with them). */
    public long[] uids(String ownerId, UUID folderId) {
        return Panache.getEntityManager().createNativeQuery(
                        "select uid from message where owner_id = ?1 and folder_id = ?2 order by uid")
                .setParameter(1, ownerId).setParameter(2, folderId).getResultStream().mapToLong(ImapStore::number)
                .toArray();
    }

    /** The UIDs of the range's messages marked \Deleted (EXPUNGE removes them). */
    public List<Long> deletedUids(String ownerId, UUID folderId, long fromUid, long toUid) {
        return Panache.getEntityManager().createNativeQuery("""
                        select uid from message where owner_id = ?1 and folder_id = ?2 and uid between ?3 and ?4 and deleted
                        order by uid""")
                .setParameter(1, ownerId).setParameter(2, folderId).setParameter(3, fromUid).setParameter(4, toUid)
                .getResultStream()
                .map(ImapStore::number).toList();
    }

    /** The folder's messages whose UID lies in the range, by UID, at most {@code limit}. */
    public List<MessageState> messages(String ownerId, UUID folderId, long fromUid, long toUid, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select m.id, m.uid, m.modseq, m.unread, m.flagged, m.answered, m.deleted, m.draft,
                               array(select l.name from message_label ml join label l on l.id = ml.label_id
                                     where ml.message_id = m.id order by lower(l.name)), m.keywords,
                               m.received_at, m.size_bytes, m.thread_id
                        from message m where m.owner_id = ?1 and m.folder_id = ?2 and m.uid between ?3 and ?4
                        order by m.uid limit ?5""")
                .setParameter(1, ownerId).setParameter(2, folderId).setParameter(3, fromUid).setParameter(4, toUid)
                .setParameter(5, limit)
                .getResultList();
        return rows.stream().map(row -> new MessageState((UUID) row[0], folderId, number(row[1]), number(row[2]),
                !(Boolean) row[3], (Boolean) row[4], (Boolean) row[5], (Boolean) row[6], (Boolean) row[7],
                Stream.concat(Arrays.stream((String[]) row[8]).map(Keywords::of), Arrays.stream((String[]) row[9])).toList(),
                (Instant) row[10], number(row[11]), (UUID) row[12])).toList();
    }

    /** The flags a client asks for, written to one message: the system ones, labels by keyword, other keywords kept. */
    public record FlagChange(UUID message, boolean seen, boolean flagged, boolean answered, boolean deleted,
                             boolean draft, Set<String> keywords) {

        /** The same flags, for that message. */
        public FlagChange on(UUID other) {
            return new FlagChange(other, seen, flagged, answered, deleted, draft, keywords);
        }
    }

    /**
     * Marks the changes of the current transaction as this IMAP server's in the journal (the triggers read the setting):
     * its own sessions are told by James, and the change feed skips them.
     */
    static void markOrigin(String origin) {
        Panache.getEntityManager().createNativeQuery("select set_config('portail.origin', ?1, true)")
                .setParameter(1, origin).getSingleResult();
    }

    /**
     * Writes the flags of these messages of the owner's, in one transaction marked with the IMAP server's origin (its own
     * sessions are told by James; the journal tells the others), and returns each message's new MODSEQ.
     */
    public Map<UUID, Long> setFlags(String ownerId, String origin, List<FlagChange> changes) {
        Map<String, UUID> labels = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select id, name from label where owner_id = ?1")
                .setParameter(1, ownerId).getResultList();
        rows.forEach(row -> labels.put(Keywords.of((String) row[1]).toLowerCase(Locale.ROOT), (UUID) row[0]));
        Map<UUID, Long> modseqs = new HashMap<>();
        markOrigin(origin);
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                         update message set unread = ?, flagged = ?, answered = ?, deleted = ?, draft = ?, keywords = ?
                         where id = ? and owner_id = ?""");
                 PreparedStatement unlabel = connection.prepareStatement(
                         "delete from message_label where message_id = ? and not (label_id = any (?))");
                 PreparedStatement label = connection.prepareStatement("""
                         insert into message_label (message_id, label_id) select ?, unnest(?::uuid[])
                         on conflict do nothing""");
                 PreparedStatement modseq = connection.prepareStatement(
                         "select modseq from message where id = ? and owner_id = ?")) {
                for (FlagChange change : changes) {
                    List<UUID> labelled = change.keywords().stream()
                            .map(k -> labels.get(k.toLowerCase(Locale.ROOT))).filter(Objects::nonNull).toList();
                    String[] others = change.keywords().stream()
                            .filter(k -> !labels.containsKey(k.toLowerCase(Locale.ROOT))).sorted().toArray(String[]::new);
                    update.setBoolean(1, !change.seen());
                    update.setBoolean(2, change.flagged());
                    update.setBoolean(3, change.answered());
                    update.setBoolean(4, change.deleted());
                    update.setBoolean(5, change.draft());
                    update.setArray(6, connection.createArrayOf("text", others));
                    update.setObject(7, change.message());
                    update.setString(8, ownerId);
                    update.executeUpdate();
                    java.sql.Array ids = connection.createArrayOf("uuid", labelled.toArray());
                    unlabel.setObject(1, change.message());
                    unlabel.setArray(2, ids);
                    unlabel.executeUpdate();
                    label.setObject(1, change.message());
                    label.setArray(2, ids);
                    label.executeUpdate();
                    modseq.setObject(1, change.message());
                    modseq.setString(2, ownerId);
                    try (ResultSet result = modseq.executeQuery()) {
                        if (result.next()) {
                            modseqs.put(change.message(), result.getLong(1));
                        }
                    }
                }
            }
        });
        return modseqs;
    }

    /** One entry of the journal of changes (table mailbox_change): A added, E expunged, F flags. */
    public record Change(long seq, String ownerId, UUID folderId, long uid, long modseq, char kind) {
    }

    /** The journal's entries after {@code seq} that another door made (not this origin), oldest first. */
    public List<Change> changesSince(long seq, String origin, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select seq, owner_id, folder_id, uid, modseq, kind from mailbox_change
                        where seq > ?1 and origin is distinct from ?2 order by seq limit ?3""")
                .setParameter(1, seq).setParameter(2, origin).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new Change(number(row[0]), (String) row[1], (UUID) row[2], number(row[3]),
                number(row[4]), row[5].toString().charAt(0))).toList();
    }

    /** Where the journal ends now. */
    public long lastChange() {
        return number(Panache.getEntityManager().createNativeQuery("select coalesce(max(seq), 0) from mailbox_change")
                .getSingleResult());
    }

    /** How many messages the folder has, and how many of them are unread. */
    public long[] counts(String ownerId, UUID folderId) {
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(
                        "select count(*), count(*) filter (where unread) from message where owner_id = ?1 and folder_id = ?2")
                .setParameter(1, ownerId).setParameter(2, folderId).getSingleResult();
        return new long[] {number(row[0]), number(row[1])};
    }

    /** The UID of the folder's first unread message. */
    public Optional<Long> firstUnseen(String ownerId, UUID folderId) {
        return Panache.getEntityManager().createNativeQuery(
                        "select min(uid) from message where owner_id = ?1 and folder_id = ?2 and unread")
                .setParameter(1, ownerId).setParameter(2, folderId).getResultStream().filter(o -> o != null).findFirst()
                .map(ImapStore::number);
    }

    private static String path(Object[] row, Map<UUID, Object[]> byId) {
        if ("INBOX".equals(row[3])) {
            return "INBOX";
        }
        Object[] parent = row[1] == null ? null : byId.get((UUID) row[1]);
        return parent == null ? (String) row[2] : path(parent, byId) + DELIMITER + row[2];
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
