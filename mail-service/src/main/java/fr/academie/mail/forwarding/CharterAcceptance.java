package fr.academie.mail.forwarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The version of the forwarding charter a person accepted, and when. */
@Entity
@Table(name = "forwarding_charter")
public class CharterAcceptance extends PanacheEntityBase {

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Column(nullable = false)
    public String version;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;
}
