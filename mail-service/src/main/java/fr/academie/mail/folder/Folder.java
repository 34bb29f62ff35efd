package fr.academie.mail.folder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A folder of one person's mailbox: a system folder (inbox, sent...) or one of their own, possibly nested. */
@Entity
@Table(name = "folder")
public class Folder extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token subject of the mailbox's owner. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "system_role")
    public SystemFolder systemRole;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Folder> ofOwner(String ownerId) {
        return list("ownerId", ownerId);
    }

    public static Optional<Folder> ofOwner(String ownerId, UUID id) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    public static Optional<Folder> system(String ownerId, SystemFolder role) {
        return find("ownerId = ?1 and systemRole = ?2", ownerId, role).firstResultOptional();
    }
}
