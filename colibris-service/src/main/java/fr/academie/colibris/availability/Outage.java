package fr.academie.colibris.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A time the service did not beat: from its last beat before, to its first beat after. */
@Entity
@Table(name = "outage")
public class Outage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    static Outage between(Instant startedAt, Instant endedAt) {
        Outage outage = new Outage();
        outage.id = UUID.randomUUID();
        outage.startedAt = startedAt;
        outage.endedAt = endedAt;
        return outage;
    }
}
