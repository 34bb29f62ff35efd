package fr.academie.iprof.access;

import fr.academie.common.retention.ExpiredRows;
import fr.academie.common.retention.Retention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.config.ConfigMapping;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * Forgets who read a career record once the read is older than {@code iprof.retention.access-log} (a year: the
 * CNIL's guidance for access logs), nightly. The record itself is the agent's HR file and is not this job's.
 */
@ApplicationScoped
public class AccessLogRetention {

    private final ExpiredRows rows;
    private final List<Retention> retentions;

    AccessLogRetention(DataSource dataSource, Kept kept) {
        this.rows = new ExpiredRows(dataSource);
        this.retentions = List.of(new Retention("career record reads", kept.accessLog(), "access_log", "read_at"));
    }

    /** How long each kind of record is kept (no defaults: the configuration states them all). */
    @ConfigMapping(prefix = "iprof.retention")
    interface Kept {
        Period accessLog();
    }

    @Scheduled(identity = "iprof-retention", cron = "${portail.retention.cron}", timeZone = "Europe/Paris",
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
