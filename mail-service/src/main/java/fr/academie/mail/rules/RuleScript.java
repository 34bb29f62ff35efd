package fr.academie.mail.rules;

import fr.academie.mail.message.RuleTrace;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person's rules: one Sieve script, run at every delivery unless suspended ("Suspendre toutes les règles"). */
@Entity
@Table(name = "rule_script")
public class RuleScript extends PanacheEntityBase {

    public static final String DEFAULT_NAME = "regles";

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    /** The script's name for mail programs (ManageSieve): "regles" unless one renamed it. */
    @Column(nullable = false)
    public String name = DEFAULT_NAME;

    @Column(nullable = false)
    public String script;

    @Column(nullable = false)
    public boolean suspended;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Her address when she saved them: written above what they forward (Delivered-To:), how a loop is recognised. */
    @Column(name = "owner_address")
    public String ownerAddress;

    /** The first time, since it was saved, the script could not run on a message: why, at which line (0: unknown). */
    @Column(name = "failure")
    public String failure;

    @Column(name = "failure_line")
    public Integer failureLine;

    @Column(name = "failed_at")
    public Instant failedAt;

    /** Notes the failure, unless one is noted already (the person is told once, not at every message). */
    public void failed(RuleTrace trace, Instant at) {
        if (failedAt == null) {
            failure = trace.action();
            failureLine = trace.line();
            failedAt = at;
        }
    }
}
