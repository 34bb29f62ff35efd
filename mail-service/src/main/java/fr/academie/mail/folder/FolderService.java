package fr.academie.mail.folder;

import fr.academie.common.problem.ProblemException;
import fr.academie.mail.store.Writes;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A person's folders: the system ones created at first access, each listed with its unread and total counts. */
@ApplicationScoped
@Transactional
public class FolderService {

    /** Every folder of the owner, system folders first in their usual order, then personal ones by name. */
    public List<FolderView> list(String ownerId) {
        List<Folder> folders = Folder.ofOwner(ownerId);
        if (folders.stream().filter(f -> f.systemRole != null).count() < SystemFolder.values().length) {
            ensureSystemFolders(ownerId); // the mailbox's first use
            folders = Folder.ofOwner(ownerId);
        }
        Map<UUID, long[]> counts = counts(ownerId);
        return folders.stream()
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
        return Folder.system(ownerId, role).orElseGet(() -> {
            ensureSystemFolders(ownerId);
            return Folder.system(ownerId, role).orElseThrow();
        });
    }

    /**
     * The id of the owner's system folder of that role (created with the others at the mailbox's first use): what a
     * delivery needs, read without loading the folder as an entity (measured: 5 % of the MX's processor as one).
     */
    public UUID systemFolderId(String ownerId, SystemFolder role) {
        return systemFolderIdIfAny(ownerId, role).orElseGet(() -> {
            ensureSystemFolders(ownerId);
            return systemFolderIdIfAny(ownerId, role).orElseThrow();
        });
    }

    private static Optional<UUID> systemFolderIdIfAny(String ownerId, SystemFolder role) {
        // no result class: with one, each call added a result mapping to Hibernate's interpretation cache, and its
        // lookups walked ever longer chains of colliding keys (measured: 40 % of the MX's processor)
        return Panache.getEntityManager().createNativeQuery(
                        "select id from folder where owner_id = ?1 and system_role = ?2")
                .setParameter(1, ownerId).setParameter(2, role.name()).getResultStream().findFirst().map(UUID.class::cast);
    }

    /**
     * The owner's folder a rule names (Sieve's {@code fileinto}): "INBOX" or a system folder's French name ("Archives",
     * "Indésirables"...), or a personal folder's path from the top, its names joined by "/" ("Fournisseurs/Devis");
     * names compared without case. Empty when there is none.
     */
    public Optional<UUID> byPath(String ownerId, String path) {
        if (path.equalsIgnoreCase("INBOX")) {
            return Optional.of(systemFolderId(ownerId, SystemFolder.INBOX));
        }
        List<Folder> all = Folder.ofOwner(ownerId);
        UUID parent = null;
        Folder found = null;
        for (String name : path.split("/", -1)) {
            UUID within = parent;
            found = all.stream().filter(f -> Objects.equals(f.parentId, within) && f.name.equalsIgnoreCase(name.strip()))
                    .findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            parent = found.id;
        }
        return Optional.ofNullable(found).map(f -> f.id);
    }

    /** A new personal folder, at the top level or inside another of the owner's folders. */
    public FolderView create(String ownerId, FolderInput input) {
        ensureSystemFolders(ownerId);
        checkParent(ownerId, input.parentId());
        Folder folder = new Folder();
        folder.id = UUID.randomUUID();
        folder.ownerId = ownerId;
        folder.parentId = input.parentId();
        folder.name = input.name().strip();
        folder.createdAt = Instant.now();
        folder.persist();
        flushUnique(folder.name);
        return view(folder);
    }

    /**
     * Renames and moves a personal folder (the input is its new name and place). Its messages and their order
     * do not change: they refer to the folder, whatever it is called and wherever it is.
     */
    public Optional<FolderView> change(String ownerId, UUID id, FolderInput input) {
        Optional<Folder> found = Folder.ofOwner(ownerId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Folder folder = personal(found.get(), "renommé ni déplacé");
        checkParent(ownerId, input.parentId());
        if (input.parentId() != null && subtree(id).contains(input.parentId())) {
            throw ProblemException.conflict("urn:portail:mail:folder-cycle", "Déplacement impossible",
                    "Un dossier ne peut pas être placé dans lui-même ni dans l'un de ses sous-dossiers.", "parentId");
        }
        folder.name = input.name().strip();
        folder.parentId = input.parentId();
        flushUnique(folder.name);
        return Optional.of(view(folder));
    }

    /**
     * Deletes a personal folder and its sub-folders; their messages go to the trash (restorable from there).
     * Returns how many messages moved, or empty when the folder is not the owner's.
     */
    public Optional<Integer> delete(String ownerId, UUID id) {
        Optional<Folder> found = Folder.ofOwner(ownerId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        personal(found.get(), "supprimé");
        List<UUID> subtree = subtree(id);
        UUID trash = systemFolderId(ownerId, SystemFolder.TRASH);
        int moved = Panache.getEntityManager()
                .createQuery("update Message m set m.folderId = ?1 where m.ownerId = ?2 and m.folderId in ?3")
                .setParameter(1, trash).setParameter(2, ownerId).setParameter(3, subtree).executeUpdate();
        Panache.getEntityManager().createQuery("delete from Folder f where f.ownerId = ?1 and f.id in ?2")
                .setParameter(1, ownerId).setParameter(2, subtree).executeUpdate();
        return Optional.of(moved);
    }

    /** The folder and all its descendants. */
    List<UUID> subtree(UUID id) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("""
                        with recursive tree(id) as (
                            select id from folder where id = ?1
                            union all
                            select f.id from folder f join tree t on f.parent_id = t.id)
                        select id from tree""")
                .setParameter(1, id).getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    /** A parent must be one of the owner's folders, and not the trash (null: the top level). */
    private static void checkParent(String ownerId, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Folder parent = Folder.ofOwner(ownerId, parentId).orElseThrow(() -> new ProblemException(
                "urn:portail:mail:folder-not-found", "Introuvable", 404, "Le dossier parent n'existe pas dans votre messagerie.",
                "parentId"));
        if (parent.systemRole == SystemFolder.TRASH) {
            throw ProblemException.invalid("urn:portail:mail:folder-in-trash", "parentId",
                    "La corbeille ne peut pas contenir de dossiers.");
        }
    }

    private static Folder personal(Folder folder, String what) {
        if (folder.systemRole != null) {
            throw ProblemException.conflict("urn:portail:mail:system-folder", "Dossier système",
                    "Le dossier « " + folder.name + " » est un dossier système : il ne peut être " + what + ".", null);
        }
        return folder;
    }

    /** Writes now, so that a name already used among the siblings is refused here, clearly, not at commit. */
    private static void flushUnique(String name) {
        Writes.flushUnique(() -> ProblemException.conflict("urn:portail:mail:folder-name-taken", "Nom déjà utilisé",
                "Un dossier « " + name + " » existe déjà à cet endroit : choisissez un autre nom.", "name"));
    }

    private FolderView view(Folder folder) {
        long[] count = counts(folder.ownerId).getOrDefault(folder.id, new long[2]);
        return new FolderView(folder.id, folder.name, folder.systemRole, folder.parentId, count[0], count[1]);
    }

    /**
     * Creates the missing system folders, at the mailbox's first use (afterwards they are only read). Idempotent under
     * concurrency: two first requests at once insert nothing twice (unique index on owner and role).
     */
    void ensureSystemFolders(String ownerId) {
        if (Folder.count("ownerId = ?1 and systemRole is not null", ownerId) == SystemFolder.values().length) {
            return;
        }
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
