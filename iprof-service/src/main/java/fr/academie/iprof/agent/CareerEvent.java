package fr.academie.iprof.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A dated event of a career: titularisation, échelon or grade change, assignment, appraisal, promotion. */
@Entity
@Table(name = "career_event")
public class CareerEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    /** titularisation, echelon, grade, affectation, rendez-vous, promotion or autre. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String label;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static CareerEvent of(UUID agentId, LocalDate occurredOn, String kind, String label, Instant recordedAt) {
        CareerEvent event = new CareerEvent();
        event.id = UUID.randomUUID();
        event.agentId = agentId;
        event.occurredOn = occurredOn;
        event.kind = kind;
        event.label = label;
        event.recordedAt = recordedAt;
        return event;
    }
}
