package fr.academie.iprof.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person's answer to a campaign (candidate or declining), HR's opinion and the outcome, shown once published. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    /** candidat or renonce. */
    @Column(nullable = false)
    public String decision;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** tres-favorable, favorable, reserve or defavorable: HR's avis. */
    public String opinion;

    /** promu or non-promu. */
    public String outcome;

    /** The person sees the opinion and the outcome once HR has published them. */
    @Column(nullable = false)
    public boolean published;

    @Version
    public int version;

    static Optional<Application> of(UUID campaignId, UUID agentId) {
        return find("campaignId = ?1 and agentId = ?2", campaignId, agentId).firstResultOptional();
    }
}
