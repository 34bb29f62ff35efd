package fr.academie.iprof.grid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One version of a corps and grade's advancement grid, in force from its date of effect until the next version. */
@Entity
@Table(name = "grid")
public class Grid extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String corps;

    @Column(nullable = false)
    public String grade;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public String source;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "grid_step", joinColumns = @JoinColumn(name = "grid_id"))
    @OrderBy("echelon")
    public List<Step> steps = new ArrayList<>();

    /** A row of the grid. */
    @Embeddable
    public static class Step {

        @Column(nullable = false)
        public int echelon;

        @Column(name = "normal_months")
        public Integer normalMonths;

        @Column(name = "accelerated_months")
        public Integer acceleratedMonths;
    }

    /** The version of the corps and grade's grid in force on the day, if any. */
    static Optional<Grid> inForce(String corps, String grade, LocalDate day) {
        return find("corps = ?1 and grade = ?2 and effectiveFrom <= ?3 order by effectiveFrom desc", corps, grade, day)
                .firstResultOptional();
    }

    AdvancementGrid toAdvancementGrid() {
        return new AdvancementGrid(corps, grade, effectiveFrom, source, steps.stream()
                .map(step -> new AdvancementGrid.Step(step.echelon, step.normalMonths, step.acceleratedMonths)).toList());
    }
}
