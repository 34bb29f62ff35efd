package fr.academie.iprof.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An assignment to a school, past or current (no end). */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "school_uai", nullable = false)
    public String schoolUai;

    @Column(name = "school_name", nullable = false)
    public String schoolName;

    public String commune;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    static List<Assignment> of(UUID agentId) {
        return list("agentId = ?1 order by startsOn desc", agentId);
    }
}
