package fr.academie.colibris.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The last sign of life of the service: one row, moved on by whichever instance beats. */
@Entity
@Table(name = "heartbeat")
public class Heartbeat extends PanacheEntityBase {

    static final int THE_ONE = 1;

    @Id
    public int id;

    @Column(name = "beat_at", nullable = false)
    public Instant beatAt;
}
