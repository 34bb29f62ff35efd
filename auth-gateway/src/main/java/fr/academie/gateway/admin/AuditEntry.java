package fr.academie.gateway.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One administrative action: who did what to whom, when. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_identifier", nullable = false)
    public String actorIdentifier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;

    @Column(name = "target_id")
    public String targetId;

    @Column(name = "target_identifier")
    public String targetIdentifier;

    @Column
    public String detail;
}
