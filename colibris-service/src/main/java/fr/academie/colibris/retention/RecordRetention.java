package fr.academie.colibris.retention;

import fr.academie.colibris.config.ColibrisConfig;
import fr.academie.common.retention.ExpiredRows;
import fr.academie.common.retention.Retention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deletes, nightly, the requests and records whose retention ({@code colibris.retention.*}) has run out: a request
 * goes with everything attached to it (history, exchanges, opinions, files, notifications; on delete cascade). A
 * request still in review or returned to its owner is never deleted: it is not finished.
 */
@ApplicationScoped
public class RecordRetention {

    private final ExpiredRows rows;
    private final List<Retention> retentions;

    RecordRetention(DataSource dataSource, ColibrisConfig config) {
        ColibrisConfig.Kept kept = config.retention();
        this.rows = new ExpiredRows(dataSource);
        this.retentions = List.of(
                new Retention("abandoned drafts", kept.drafts(), "hr_request", "updated_at", "status = 'DRAFT'"),
                new Retention("withdrawn requests", kept.withdrawn(), "hr_request", "updated_at", "status = 'WITHDRAWN'"),
                new Retention("decided requests", kept.decided(), "hr_request", "updated_at",
                        "status in ('APPROVED', 'REFUSED')"),
                new Retention("delivered notifications", kept.notifications(), "outbox", "delivered_at"),
                new Retention("ended delegations", kept.delegations(), "delegation",
                        "coalesce(revoked_at, (ends_on + 1)::timestamp at time zone 'Europe/Paris')"),
                new Retention("campaign closing changes", kept.campaignChanges(), "campaign_extension", "at"));
    }

    @Scheduled(identity = "colibris-retention", cron = "${portail.retention.cron}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        deleteExpired(Instant.now());
    }

    /** Deletes what has expired at {@code now}; how many rows of each kind. */
    public Map<String, Integer> deleteExpired(Instant now) {
        return rows.delete(retentions, now);
    }
}
