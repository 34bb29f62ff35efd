package fr.academie.iprof.timeline;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.agent.CareerEvent;
import fr.academie.iprof.agent.RecordAccessPolicy;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Reads a career's timeline for its owner or HR. */
@ApplicationScoped
@Transactional
public class TimelineService {

    private final RecordAccessPolicy records;

    public TimelineService(RecordAccessPolicy records) {
        this.records = records;
    }

    /** An event as the timeline shows it. */
    public record EventView(UUID id, LocalDate occurredOn, String kind, String label) {
    }

    public Optional<Page<EventView>> of(String ref, Reader reader, Cursor after, int limit) {
        return records.whole(ref, reader, Part.TIMELINE).map(agent -> {
            Parameters parameters = Parameters.with("agent", agent.id);
            String query = "agentId = :agent";
            if (after != null) {
                // the cursor's instant is the event's day at midnight UTC
                query += " and (occurredOn < :at or (occurredOn = :at and id < :id))";
                parameters.and("at", LocalDate.ofInstant(after.at(), ZoneOffset.UTC)).and("id", after.id());
            }
            return Page.of(CareerEvent.<CareerEvent>find(query + " order by occurredOn desc, id desc", parameters)
                            .range(0, limit).list(), limit,
                    event -> new Cursor(event.occurredOn.atStartOfDay(ZoneOffset.UTC).toInstant(), event.id),
                    event -> new EventView(event.id, event.occurredOn, event.kind, event.label));
        });
    }
}
