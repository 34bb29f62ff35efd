package fr.academie.gateway.admin;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The administrators' audit log: each action written as it succeeds, listed newest first with filters. */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** Who acts: the administrator's account id and identifier, from their token. */
    public record Actor(String id, String identifier) {
    }

    /** The filters of the list; each null one lets everything through. */
    public record Filter(String actor, String target, AuditAction action, Instant from, Instant to) {
    }

    public record View(UUID id, Instant at, String actor, AuditAction action, String actionLabel, String targetId,
                       String target, String detail) {

        static View of(AuditEntry entry) {
            return new View(entry.id, entry.at, entry.actorIdentifier, entry.action, entry.action.label(),
                    entry.targetId, entry.targetIdentifier, entry.detail);
        }
    }

    public void record(Actor actor, AuditAction action, String targetId, String targetIdentifier, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = Instant.now();
        entry.actorId = actor.id();
        entry.actorIdentifier = actor.identifier();
        entry.action = action;
        entry.targetId = targetId;
        entry.targetIdentifier = targetIdentifier;
        entry.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
        entry.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<View> list(Filter filter, int limit, Cursor after) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.actor() != null) {
            where.add("lower(actorIdentifier) = :actor");
            parameters.and("actor", filter.actor().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.target() != null) {
            where.add("lower(targetIdentifier) = :target");
            parameters.and("target", filter.target().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.action() != null) {
            where.add("action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            parameters.and("to", filter.to());
        }
        if (after != null) {
            where.add(Cursor.after("at"));
            after.parameters().forEach(parameters::and);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by at desc, id desc";
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find(query, parameters).range(0, limit).list();
        return Page.of(rows, limit, entry -> new Cursor(entry.at, entry.id), View::of);
    }
}
