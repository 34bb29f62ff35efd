package fr.academie.colibris.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's backlog as meters: how many rows wait for mail-service and how long the oldest has waited. Read from the
 * table every 15 s (a scrape never waits on the database), so that an alert fires when notifications pile up.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public OutboxBacklog(MeterRegistry metrics) {
        Gauge.builder("portail.outbox.backlog", waiting, AtomicLong::get)
                .description("Outbox rows not yet delivered to mail-service").register(metrics);
        Gauge.builder("portail.outbox.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("How long the oldest undelivered outbox row has waited, in seconds").register(metrics);
    }

    @Scheduled(identity = "colibris-outbox-backlog", every = "15s", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                from outbox where delivered_at is null""").getSingleResult());
        waiting.set(((Number) row[0]).longValue());
        oldestSeconds.set(((Number) row[1]).longValue());
    }
}
