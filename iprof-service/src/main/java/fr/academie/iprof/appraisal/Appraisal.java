package fr.academie.iprof.appraisal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A rendez-vous de carrière: when, who evaluated, the report, the person's observations and the final appraisal.
 * The person may write observations while the window after the report's notification is open, and only then.
 */
@Entity
@Table(name = "appraisal")
public class Appraisal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appraisal_evaluator", joinColumns = @JoinColumn(name = "appraisal_id"))
    public List<Evaluator> evaluators = new ArrayList<>();

    public String report;

    @Column(name = "notified_on")
    public LocalDate notifiedOn;

    public String observations;

    @Column(name = "observations_at")
    public Instant observationsAt;

    /** a-consolider, satisfaisant, tres-satisfaisant or excellent. */
    @Column(name = "final_appraisal")
    public String finalAppraisal;

    @Column(name = "final_notified_on")
    public LocalDate finalNotifiedOn;

    @Version
    public int version;

    /** An evaluator (inspector, head of school), by académie identifier and name. */
    @Embeddable
    public static class Evaluator {

        @Column(nullable = false)
        public String identifier;

        @Column(nullable = false)
        public String name;

        public Evaluator() {
        }

        public Evaluator(String identifier, String name) {
            this.identifier = identifier;
            this.name = name;
        }
    }

    /** HR's entry: everything but the person's observations. */
    void write(AppraisalInput input) {
        input.check();
        heldOn = input.heldOn();
        evaluators.clear();
        input.evaluators().forEach(e -> evaluators.add(new Evaluator(e.identifier().strip().toLowerCase(Locale.ROOT),
                e.name().strip())));
        report = input.report();
        notifiedOn = input.notifiedOn();
        finalAppraisal = input.finalAppraisal();
        finalNotifiedOn = input.finalNotifiedOn();
    }

    /** RecordAccessPolicy the person's observations, or says why the window does not allow them. */
    void observe(String text, LocalDate today, Instant now) {
        if (notifiedOn == null || today.isBefore(notifiedOn)) {
            throw AppraisalProblems.notNotifiedYet();
        }
        Window window = Window.after(notifiedOn, Window.OBSERVATION_DAYS, today);
        if (!window.open()) {
            throw AppraisalProblems.observationWindowClosed(window);
        }
        observations = text;
        observationsAt = now;
    }
}
