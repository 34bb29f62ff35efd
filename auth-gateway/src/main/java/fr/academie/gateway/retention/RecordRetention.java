package fr.academie.gateway.retention;

import fr.academie.common.retention.ExpiredRows;
import fr.academie.common.retention.Retention;
import fr.academie.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Forgets, nightly, the administrators' actions and the requests for one's data (with what is left of their archive)
 * once older than {@code gateway.retention.*} (five years each). The sign-in journal is Keycloak's (its extension's
 * own retention); the sessions hold nothing past their end.
 */
@ApplicationScoped
public class RecordRetention {

    private final ExpiredRows rows;
    private final List<Retention> retentions;

    RecordRetention(DataSource dataSource, GatewayConfig config) {
        this.rows = new ExpiredRows(dataSource);
        this.retentions = List.of(new Retention("administrative actions", config.retention().audit(), "audit_entry", "at"),
                new Retention("data requests", config.retention().dataRequests(), "data_request", "requested_at"));
    }

    @Scheduled(identity = "gateway-retention", cron = "${portail.retention.cron}", timeZone = "Europe/Paris",
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
