package fr.academie.colibris.availability;

import fr.academie.colibris.catalogue.CampaignService;
import fr.academie.colibris.config.ColibrisConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own view of its availability: every instance beats on one row; a beat that finds the last one older
 * than {@code colibris.grace.min-gap} records the time between as an outage (no instance was up, or none could reach
 * the database) and gives the campaigns whose last days it ate their automatic grace.
 */
@ApplicationScoped
public class Availability {

    private static final Logger LOG = Logger.getLogger(Availability.class);

    private final ColibrisConfig config;
    private final CampaignService campaigns;

    public Availability(ColibrisConfig config, CampaignService campaigns) {
        this.config = config;
        this.campaigns = campaigns;
    }

    @Scheduled(identity = "colibris-heartbeat", every = "${colibris.grace.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        beat(Instant.now());
    }

    /** A sign of life at {@code now}; the outage it ends, if the last one was too long ago. */
    @Transactional
    public Optional<Outage> beat(Instant now) {
        Heartbeat heart = Heartbeat.findById(Heartbeat.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        Instant last = heart.beatAt;
        if (!now.isAfter(last)) {
            return Optional.empty(); // another instance beat meanwhile
        }
        heart.beatAt = now;
        if (Duration.between(last, now).compareTo(config.grace().minGap()) < 0) {
            return Optional.empty();
        }
        Outage outage = Outage.between(last, now);
        outage.persist();
        LOG.warnf("Colibris was unavailable from %s to %s (no heartbeat)", last, now);
        if (config.grace().enabled()) {
            campaigns.graceAfter(outage.id, last, now, config.grace().lastDays(), now);
        }
        return Optional.of(outage);
    }
}
