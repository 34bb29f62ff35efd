package fr.academie.mail.forwarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of a person's forwarding, in French, for her and for the académie's administrators. */
@Entity
@Table(name = "forwarding_audit")
public class ForwardingAudit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** Her address when the change was made (what administrators search by). */
    @Column(name = "owner_address")
    public String ownerAddress;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String change;
}
