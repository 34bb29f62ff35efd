package fr.academie.iprof.access;

import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.realm.Roles;
import fr.academie.iprof.shared.Paris;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** RecordAccessPolicy every read of a record by someone other than its owner, in the transaction of the read. */
@ApplicationScoped
@Transactional
public class AccessLog {

    private final Paris paris;

    public AccessLog(Paris paris) {
        this.paris = paris;
    }

    /** One line per record read: the reader, the role that allowed the read, the part read. */
    public void record(Reader reader, String role, Part part, Collection<UUID> agentIds) {
        Instant now = paris.now();
        for (UUID agentId : agentIds) {
            AccessLogEntry entry = new AccessLogEntry();
            entry.id = UUID.randomUUID();
            entry.agentId = agentId;
            entry.readerId = reader.id();
            entry.readerName = reader.name();
            entry.readerRole = role;
            entry.part = part.code();
            entry.readAt = now;
            entry.persist();
        }
    }

    /** Who read the record, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccessView> of(UUID agentId, Cursor after, int limit) {
        Parameters parameters = Parameters.with("agent", agentId);
        String query = "agentId = :agent";
        if (after != null) {
            query += " and " + Cursor.after("readAt");
            after.parameters().forEach(parameters::and);
        }
        return Page.of(AccessLogEntry.<AccessLogEntry>find(query + " order by readAt desc, id desc", parameters)
                        .range(0, limit).list(), limit, entry -> new Cursor(entry.readAt, entry.id), AccessView::of);
    }

    /** A line of the log as its owner reads it. */
    public record AccessView(Instant readAt, String readerName, String role, String roleLabel, Part part, String partLabel) {

        static AccessView of(AccessLogEntry entry) {
            Part part = Part.ofCode(entry.part);
            return new AccessView(entry.readAt, entry.readerName, entry.readerRole, roleLabel(entry.readerRole), part,
                    part.label());
        }

        private static String roleLabel(String role) {
            return switch (role) {
                case Roles.HR -> "Gestionnaire RH";
                case Roles.HEAD_OF_SCHOOL -> "Chef d'établissement";
                case Roles.INSPECTOR -> "Inspecteur";
                default -> role;
            };
        }
    }
}
