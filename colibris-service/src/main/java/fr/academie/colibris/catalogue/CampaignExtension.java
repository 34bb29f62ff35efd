package fr.academie.colibris.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A change of a campaign's closing, kept for the campaign's notice: by HR with a reason, or automatic after an outage. */
@Entity
@Table(name = "campaign_extension")
public class CampaignExtension extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "previous_closing", nullable = false)
    public Instant previousClosing;

    @Column(name = "new_closing", nullable = false)
    public Instant newClosing;

    @Column(nullable = false)
    public String reason;

    /** Who extended it; null when the service did, after an outage. */
    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    /** The outage an automatic extension gives back. */
    @Column(name = "outage_id")
    public UUID outageId;

    static CampaignExtension of(Campaign campaign, Instant until, String reason, String actorId, String actorName,
                                UUID outageId, Instant now) {
        CampaignExtension extension = new CampaignExtension();
        extension.id = UUID.randomUUID();
        extension.campaignId = campaign.id;
        extension.at = now;
        extension.previousClosing = campaign.closing();
        extension.newClosing = until;
        extension.reason = reason;
        extension.actorId = actorId;
        extension.actorName = actorName;
        extension.outageId = outageId;
        return extension;
    }

    /** The campaign's extensions, oldest first. */
    public static List<CampaignExtension> of(UUID campaignId) {
        return list("campaignId = ?1 order by at, id", campaignId);
    }

    /** Every campaign's extensions, oldest first (a few rows a year: one query for the whole catalogue). */
    static Map<UUID, List<CampaignExtension>> byCampaign() {
        return CampaignExtension.<CampaignExtension>list("order by at, id").stream()
                .collect(Collectors.groupingBy(extension -> extension.campaignId));
    }
}
