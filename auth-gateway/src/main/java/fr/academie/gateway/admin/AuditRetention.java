package fr.academie.gateway.admin;

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
 * Forgets the administrators' actions once older than {@code gateway.retention.audit} (five years), nightly. The
 * sign-in journal is Keycloak's (its extension's own retention); the sessions hold nothing past their end.
 */
@ApplicationScoped
public class AuditRetention {

    private final ExpiredRows rows;
    private final List<Retention> retentions;

    AuditRetention(DataSource dataSource, GatewayConfig config) {
        this.rows = new ExpiredRows(dataSource);
        this.retentions = List.of(new Retention("administrative actions", config.retention().audit(), "audit_entry", "at"));
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
