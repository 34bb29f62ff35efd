package fr.academie.colibris.catalogue;

import fr.academie.common.date.FrenchDates;
import fr.academie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** The campaigns' closings: extended by HR with a reason, or by the service itself after an outage in their last days. */
@ApplicationScoped
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    /** Gives each campaign whose last days the outage ate the time it lost (in the outage's own transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void graceAfter(UUID outageId, Instant down, Instant up, Duration lastDays, Instant now) {
        for (Campaign campaign : Campaign.<Campaign>listAll()) {
            campaign.closingAfterOutage(down, up, lastDays).ifPresent(until -> {
                Duration lost = Duration.between(up.isAfter(campaign.closing()) ? up : campaign.closing(), until);
                String reason = "Prolongée automatiquement jusqu'au " + FrenchDates.dayAndTime(until) + " (heure de Paris), pour "
                        + "rendre le temps perdu (" + FrenchDates.length(lost) + ") : le service a été indisponible du "
                        + FrenchDates.dayAndTime(down) + " au " + FrenchDates.dayAndTime(up) + ".";
                campaign.extend(until, reason, null, null, outageId, now).persist();
                LOG.infof("Campaign %s/%s extended to %s after the outage %s", campaign.typeCode, campaign.code, until,
                        outageId);
            });
        }
    }

    /** HR moves a campaign's closing later, saying why; the version they read guards against a concurrent change. */
    @Transactional
    public CampaignView extendByHand(UUID id, LocalDateTime closesAt, String reason, long version, String actorId,
                                     String actorName) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(
                "urn:portail:colibris:campaign-not-found", "Cette campagne n'existe pas."));
        if (campaign.version != version) {
            throw changed();
        }
        Instant until = closesAt.atZone(FrenchDates.PARIS).toInstant();
        if (!until.isAfter(campaign.closing())) {
            throw ProblemException.unprocessable("urn:portail:colibris:extension-too-early", "Prolongation impossible",
                    "La nouvelle clôture doit être après la clôture actuelle, le " + FrenchDates.dayAndTime(campaign.closing())
                            + " (heure de Paris).", "closesAt");
        }
        Instant now = Instant.now();
        campaign.extend(until, reason.strip(), actorId, actorName, null, now).persist();
        try {
            Panache.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw changed();
        }
        return CampaignView.of(campaign, now);
    }

    private static ProblemException changed() {
        return ProblemException.conflict("urn:portail:colibris:campaign-changed", "Campagne modifiée entre-temps",
                "La campagne a été modifiée pendant que vous la consultiez. Rechargez-la pour voir sa clôture actuelle.",
                "version");
    }
}
