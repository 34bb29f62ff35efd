package fr.academie.mail.rules;

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

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Column(nullable = false)
    public String script;

    @Column(nullable = false)
    public boolean suspended;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
