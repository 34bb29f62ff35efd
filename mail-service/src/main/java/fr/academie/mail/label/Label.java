package fr.academie.mail.label;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A coloured label of one person's mailbox ("Urgent", "Pédagogie", "RH"…), put on messages of any folder. */
@Entity
@Table(name = "label")
public class Label extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String name;

    /** "#rrggbb". */
    @Column(nullable = false)
    public String color;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Label> ofOwner(String ownerId, UUID id) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }
}
