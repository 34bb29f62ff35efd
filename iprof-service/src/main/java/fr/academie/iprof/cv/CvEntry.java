package fr.academie.iprof.cv;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A line of the CV the person writes: a qualification, diploma, certification, training or language. */
@Entity
@Table(name = "cv_entry")
public class CvEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    public String detail;

    @Column(name = "obtained_on")
    public LocalDate obtainedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the person last changed the line: HR sees how current the CV is. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    void write(CvService.CvInput input, Instant now) {
        kind = input.kind();
        title = input.title().strip();
        detail = input.detail() == null || input.detail().isBlank() ? null : input.detail().strip();
        obtainedOn = input.obtainedOn();
        changedAt = now;
    }
}
