package fr.academie.colibris.outbox;

import fr.academie.colibris.config.ColibrisConfig;
import fr.academie.colibris.delegation.Delegation;
import fr.academie.common.date.FrenchDates;
import fr.academie.common.directory.KeycloakDirectory;
import fr.academie.common.notification.MailNotifier;
import fr.academie.common.telemetry.TraceParents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Delivers the outbox to mail-service: the due rows are leased (a second instance skips them), sent a few at once
 * ({@code colibris.outbox.parallel}), and each marked delivered
 * once mail-service took them, or retried with a doubling delay (capped) until it does. A row for the deciders of a
 * step is first spread into one row per person the directory names (retried the same way while it cannot answer). A crash between the change's
 * commit and the delivery loses nothing (the row waits); a crash after mail-service took it but before the mark
 * delivers nothing twice (mail-service keys it by the row's id).
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    /** Longer than a call to mail-service can last (its timeouts: 2 s to connect, 10 s to answer). */
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Batches per run: the relay hands over to the next run (every colibris.outbox.every) after so many. */
    private static final int ROUNDS = 50;
    private static final String SENDER = "Colibris – démarches RH";

    private final MailNotifier mail;
    private final KeycloakDirectory directory;
    private final ColibrisConfig config;
    private final Tracer tracer;
    private final Counter delivered;
    private final Counter failed;

    private final ExecutorService calls;

    public OutboxDispatcher(MailNotifier mail, KeycloakDirectory directory, ColibrisConfig config, Tracer tracer,
                            MeterRegistry metrics) {
        this.mail = mail;
        this.directory = directory;
        this.config = config;
        this.tracer = tracer;
        this.delivered = Counter.builder("portail.outbox.delivered")
                .description("Outbox rows handed to mail-service (or spread to their deciders)").register(metrics);
        this.failed = Counter.builder("portail.outbox.failed.attempts")
                .description("Outbox attempts that failed and will be retried").register(metrics);
        this.calls = Executors.newFixedThreadPool(config.outbox().parallel(), runnable -> {
            Thread thread = new Thread(runnable, "colibris-outbox-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(identity = "colibris-outbox", every = "${colibris.outbox.every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        List<Notice> batch;
        for (int round = 0; round < ROUNDS && !(batch = claimDue(config.outbox().parallel() * 4)).isEmpty(); round++) {
            // the calls (directory, mail-service) outside any transaction, a few people at once, each person's
            // messages one after the other in the order they were written (her inbox shows them in that order)
            Map<String, List<Notice>> byRecipient = batch.stream().sorted(Comparator.comparing((Notice n) -> n.createdAt)
                    .thenComparing(n -> n.id)).collect(Collectors.groupingBy(
                            n -> n.recipientId != null ? n.recipientId : n.id.toString(), LinkedHashMap::new, Collectors.toList()));
            CompletableFuture.allOf(byRecipient.values().stream().map(rows -> CompletableFuture.runAsync(() -> send(rows),
                    calls)).toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * One person's rows (or one row for deciders), in order, on a thread of the relay's own (its own request context);
     * each attempt a span of the trace of the change that wrote the row, so that mail-service's side joins it too.
     */
    @ActivateRequestContext
    void send(List<Notice> rows) {
        for (Notice notice : rows) {
            Span span = tracer.spanBuilder("outbox delivery").setSpanKind(SpanKind.PRODUCER)
                    .setParent(TraceParents.continued(notice.traceParent)).startSpan();
            try (Scope scope = span.makeCurrent()) {
                Optional<String> failure = notice.recipientId == null ? spread(notice) : deliver(notice);
                failure.ifPresent(reason -> span.setStatus(StatusCode.ERROR, reason));
                recordAttempt(notice.id, failure);
            } finally {
                span.end();
            }
        }
    }

    /**
     * The rows due, leased for the time of their calls (their next attempt moved past it) so that another instance
     * leaves them alone meanwhile; empty when none is due.
     */
    @Transactional
    List<Notice> claimDue(int count) {
        List<?> due = Panache.getEntityManager().createNativeQuery("""
                        select id from outbox where delivered_at is null and next_attempt_at <= ?1
                        order by next_attempt_at limit ?2 for update skip locked""")
                .setParameter(1, Instant.now()).setParameter(2, count).getResultList();
        List<Notice> claimed = new ArrayList<>();
        for (Object id : due) {
            Notice notice = Notice.findById(id);
            notice.nextAttemptAt = Instant.now().plus(LEASE);
            claimed.add(notice);
        }
        return claimed;
    }

    /** Drops the row in the person's mailbox (mail-service keys it by the row's id); empty once it is there. */
    private Optional<String> deliver(Notice notice) {
        return mail.deliver(notice.id.toString(), notice.recipientId, notice.subject, notice.text, SENDER);
    }

    @PreDestroy
    void stop() {
        calls.shutdown();
    }

    /**
     * A row for whoever decides a step becomes one row per person the directory names; it is tried again, like a
     * delivery, while the directory cannot answer or names nobody (a school waiting for its head).
     */
    private Optional<String> spread(Notice group) {
        List<Recipient> people;
        try {
            people = directory.holders(group.recipientRole, group.recipientUai).stream()
                    .map(person -> new Recipient(person.id(), person.name())).toList();
        } catch (KeycloakDirectory.Unavailable e) {
            return Optional.of(e.getMessage());
        }
        if (addRows(group.id, people) == 0) {
            return Optional.of("nobody holds the role " + group.recipientRole
                    + (group.recipientUai == null ? "" : " in the school " + group.recipientUai));
        }
        return Optional.empty();
    }

    /** One row per person (and per delegate of the day); how many people that is (none: nothing written). */
    @Transactional
    int addRows(UUID groupId, List<Recipient> people) {
        Notice group = Notice.findById(groupId);
        Instant now = Instant.now();
        List<Recipient> everyone = new ArrayList<>(people);
        // and whoever holds those decisions today by delegation (a head of school's absence)
        Delegation.to(group.recipientRole, group.recipientUai, LocalDate.now(FrenchDates.PARIS)).stream()
                .map(d -> new Recipient(d.delegateId, d.delegateName))
                .filter(delegate -> everyone.stream().noneMatch(p -> p.id().equals(delegate.id())))
                .forEach(everyone::add);
        for (Recipient person : everyone) {
            Notice row = group.forPerson(person.id(), person.name(), now);
            if (Notice.findById(row.id) == null) { // spread before a crash: nobody twice
                row.persist();
            }
        }
        return everyone.size();
    }

    /** A person a deciders' row is spread to: their account id and the name to greet. */
    record Recipient(String id, String name) {
    }

    @Transactional
    void recordAttempt(UUID id, Optional<String> failure) {
        Notice notice = Notice.findById(id);
        notice.attempts++;
        (failure.isEmpty() ? delivered : failed).increment();
        if (failure.isEmpty()) {
            notice.deliveredAt = Instant.now();
            notice.lastError = null;
            return;
        }
        Duration wait = config.outbox().retryDelay().multipliedBy(1L << Math.min(notice.attempts - 1, 20));
        wait = wait.compareTo(config.outbox().maxDelay()) > 0 ? config.outbox().maxDelay() : wait;
        notice.nextAttemptAt = Instant.now().plus(wait);
        notice.lastError = failure.get().length() > 1000 ? failure.get().substring(0, 1000) : failure.get();
        LOG.infof("Notification %s not delivered (attempt %d: %s); next attempt in %d s", id, notice.attempts,
                notice.lastError, wait.toSeconds());
    }
}
