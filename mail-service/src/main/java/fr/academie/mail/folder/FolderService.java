package fr.academie.mail.folder;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A person's folders: the system ones created at first access, each listed with its unread and total counts. */
@ApplicationScoped
@Transactional
public class FolderService {

    /** Every folder of the owner, system folders first in their usual order, then personal ones by name. */
    public List<FolderView> list(String ownerId) {
        ensureSystemFolders(ownerId);
        Map<UUID, long[]> counts = counts(ownerId);
        return Folder.ofOwner(ownerId).stream()
                .sorted(Comparator.comparing((Folder f) -> f.systemRole == null ? Integer.MAX_VALUE : f.systemRole.ordinal())
                        .thenComparing(f -> f.name.toLowerCase()))
                .map(f -> {
                    long[] count = counts.getOrDefault(f.id, new long[2]);
                    return new FolderView(f.id, f.name, f.systemRole, f.parentId, count[0], count[1]);
                })
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Folder> find(String ownerId, UUID id) {
        return Folder.ofOwner(ownerId, id);
    }

    /** The owner's system folder of that role, created with the others at the mailbox's first use. */
    public Folder systemFolder(String ownerId, SystemFolder role) {
        ensureSystemFolders(ownerId);
        return Folder.system(ownerId, role).orElseThrow();
    }

    /**
     * Creates the missing system folders. Idempotent under concurrency: two first requests at once insert
     * nothing twice (unique index on owner and role).
     */
    void ensureSystemFolders(String ownerId) {
        for (SystemFolder role : SystemFolder.values()) {
            Panache.getEntityManager().createNativeQuery("""
                    insert into folder (id, owner_id, parent_id, name, system_role, created_at)
                    values (?1, ?2, null, ?3, ?4, ?5)
                    on conflict do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, ownerId).setParameter(3, role.label())
                    .setParameter(4, role.name()).setParameter(5, Instant.now())
                    .executeUpdate();
        }
    }

    private Map<UUID, long[]> counts(String ownerId) {
        Map<UUID, long[]> counts = new HashMap<>();
        Panache.getEntityManager().createQuery("""
                        select m.folderId, sum(case when m.unread then 1 else 0 end), count(m)
                        from Message m where m.ownerId = ?1 group by m.folderId""", Object[].class)
                .setParameter(1, ownerId)
                .getResultList()
                .forEach(row -> counts.put((UUID) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()}));
        return counts;
    }
}
