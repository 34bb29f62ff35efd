package fr.academie.colibris.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as people see it: its window (the closing with its extensions), whether it is open, and its notice —
 * every extension, who made it (none: the service, after an outage) and why.
 */
public record CampaignView(UUID id, String code, String label, Instant opensAt, Instant plannedClosesAt,
                           Instant closesAt, boolean open, String extensionReason, List<ExtensionView> extensions,
                           long version) {

    public record ExtensionView(Instant at, Instant previousClosesAt, Instant closesAt, String reason, boolean automatic,
                                String byName) {
    }

    static CampaignView of(Campaign campaign, Instant now) {
        return of(campaign, CampaignExtension.of(campaign.id), now);
    }

    static CampaignView of(Campaign campaign, List<CampaignExtension> extensions, Instant now) {
        return new CampaignView(campaign.id, campaign.code, campaign.label, campaign.opensAt, campaign.closesAt,
                campaign.closing(), campaign.admits(now), campaign.extensionReason,
                extensions.stream().map(e -> new ExtensionView(e.at, e.previousClosing, e.newClosing, e.reason,
                        e.actorId == null, e.actorName)).toList(), campaign.version);
    }
}
