package fr.academie.colibris.notification;

import fr.academie.colibris.config.ColibrisConfig;
import fr.academie.colibris.request.HrRequest;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deadlines' reminders: when a step's due date comes near ({@code colibris.reminders.before}), then when it has
 * passed, whoever decides that step is told, once each per visit of the step — a reminder row claimed first
 * ({@code reminder}, unique per request, due date and kind), so that two instances never send the same twice.
 */
@ApplicationScoped
public class Reminders {

    private static final int BATCH = 500;

    private final NoticeWriter notices;
    private final ColibrisConfig config;

    public Reminders(NoticeWriter notices, ColibrisConfig config) {
        this.notices = notices;
        this.config = config;
    }

    @Scheduled(identity = "colibris-reminders", every = "${colibris.reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        remind(Instant.now());
    }

    /** Sends the reminders due at {@code now}; how many. */
    @Transactional
    public int remind(Instant now) {
        List<?> due = Panache.getEntityManager().createNativeQuery("""
                        select r.id from hr_request r where r.status = 'IN_REVIEW' and r.due_at <= ?1
                        and not exists (select 1 from reminder m where m.request_id = r.id and m.due_at = r.due_at
                                        and m.kind = case when r.due_at <= ?2 then 'LATE' else 'NEAR' end)
                        order by r.due_at limit ?3""")
                .setParameter(1, now.plus(config.reminders().before())).setParameter(2, now).setParameter(3, BATCH)
                .getResultList();
        int sent = 0;
        for (Object id : due) {
            HrRequest request = HrRequest.findById(id);
            boolean late = !request.dueAt.isAfter(now);
            int claimed = Panache.getEntityManager().createNativeQuery("""
                            insert into reminder (id, request_id, due_at, kind, sent_at) values (?1, ?2, ?3, ?4, ?5)
                            on conflict do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, request.id).setParameter(3, request.dueAt)
                    .setParameter(4, late ? "LATE" : "NEAR").setParameter(5, now).executeUpdate();
            if (claimed == 1) {
                notices.reminded(request, late, now);
                sent++;
            }
        }
        return sent;
    }
}
