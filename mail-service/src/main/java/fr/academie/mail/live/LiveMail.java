package fr.academie.mail.live;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the web pages open on a mailbox which of its folders changed, whichever door or replica changed them: reads
 * the database's journal of changes ({@code mailbox_change}, the one IMAP's IDLE follows) every second while someone
 * follows, and sends each follower the folders of its own mailbox only.
 */
@ApplicationScoped
public class LiveMail {

    private static final Logger LOG = Logger.getLogger(LiveMail.class);
    private static final int BATCH = 1_000;

    /** What changed in one mailbox since the last event: its folders (a delivery, a move, a flag, a deletion). */
    public record FolderChanges(Set<UUID> folders) {
    }

    private final Map<String, List<MultiEmitter<? super FolderChanges>>> followers = new ConcurrentHashMap<>();
    /**
     * Where the journal was read up to. Kept at its end even while nobody follows (one indexed read a second), so that
     * a page that starts following misses nothing done after its stream opened.
     */
    private volatile long last = -1;

    /** The changes of the owner's mailbox from now on, until the subscriber cancels. */
    public Multi<FolderChanges> follow(String owner) {
        return Multi.createFrom().emitter(emitter -> {
            followers.computeIfAbsent(owner, key -> new CopyOnWriteArrayList<>()).add(emitter);
            emitter.onTermination(() -> followers.computeIfPresent(owner, (key, list) -> {
                list.remove(emitter);
                return list.isEmpty() ? null : list;
            }));
        });
    }

    @Scheduled(identity = "live-mail", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            if (followers.isEmpty() || last < 0) {
                last = QuarkusTransaction.requiringNew().call(LiveMail::journalEnd);
                return;
            }
            List<Object[]> rows;
            do {
                long from = last;
                rows = QuarkusTransaction.requiringNew().call(() -> journalSince(from));
                tell(rows);
                if (!rows.isEmpty()) {
                    last = ((Number) rows.get(rows.size() - 1)[0]).longValue();
                }
            } while (rows.size() == BATCH);
        } catch (RuntimeException e) { // the journal unreadable for a moment: the next second takes up from the same place
            LOG.warnf("Web pages not told of the latest mailbox changes yet: %s", e.getMessage());
        }
    }

    private void tell(List<Object[]> rows) {
        Map<String, Set<UUID>> changed = new LinkedHashMap<>();
        for (Object[] row : rows) {
            if (followers.containsKey((String) row[1])) {
                changed.computeIfAbsent((String) row[1], owner -> new LinkedHashSet<>()).add((UUID) row[2]);
            }
        }
        changed.forEach((owner, folders) -> followers.getOrDefault(owner, List.of())
                .forEach(emitter -> emitter.emit(new FolderChanges(folders))));
    }

    private static long journalEnd() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select coalesce(max(seq), 0) from mailbox_change")
                .getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> journalSince(long seq) {
        return Panache.getEntityManager().createNativeQuery(
                        "select seq, owner_id, folder_id from mailbox_change where seq > ?1 order by seq limit ?2")
                .setParameter(1, seq).setParameter(2, BATCH).getResultList();
    }
}
