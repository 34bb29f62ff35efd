package fr.academie.iprof.agent;

import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.AccessLog;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who may see which record: the person her whole record; HR every record; a head of school the summary of the
 * agents of their school. Any other reader gets nothing, exactly as if the record did not exist. Every read by
 * someone other than the owner is written to the access log in the same transaction.
 */
@ApplicationScoped
@Transactional
public class RecordAccessPolicy {

    /** The address of the reader's own record. */
    public static final String ME = "me";

    private final AccessLog log;

    public RecordAccessPolicy(AccessLog log) {
        this.log = log;
    }

    /** The reader's own record; at the first visit, the record HR imported under their identifier is linked. */
    public Optional<Agent> own(Reader reader) {
        return Agent.ofAccount(reader.id()).or(() -> Agent.unlinked(reader.identifier()).map(agent -> {
            agent.accountId = reader.id();
            return agent;
        }));
    }

    /** The whole record at {@code ref} ("me" or its id), or a part of it, for its owner or HR. */
    public Optional<Agent> whole(String ref, Reader reader, Part part) {
        return read(ref, reader, part, agent -> reader.isHr() ? Roles.HR : null);
    }

    /** The summary of the record: for its owner, HR, and the head of the school the agent is assigned to. */
    public Optional<Agent> summary(String ref, Reader reader) {
        return read(ref, reader, Part.SUMMARY, agent -> reader.isHr() ? Roles.HR
                : reader.heads(agent.schoolUai) ? Roles.HEAD_OF_SCHOOL : null);
    }

    /** The record if the reader owns it, or if {@code allowedAs} names the role that lets them read it (logged). */
    private Optional<Agent> read(String ref, Reader reader, Part part, Function<Agent, String> allowedAs) {
        if (ME.equals(ref)) {
            return own(reader);
        }
        return parse(ref).flatMap(id -> Agent.<Agent>findByIdOptional(id)).filter(agent -> {
            if (reader.id().equals(agent.accountId)) {
                return true;
            }
            String role = allowedAs.apply(agent);
            if (role != null) {
                log.record(reader, role, part, List.of(agent.id));
            }
            return role != null;
        });
    }

    /** The same answer for a record that does not exist and for one the reader may not see. */
    public static ProblemException notFound(String ref) {
        return ME.equals(ref)
                ? ProblemException.notFound("urn:portail:iprof:no-career-record",
                "Aucun dossier de carrière n'est rattaché à votre compte. Si vous pensez que c'est une erreur, "
                        + "contactez votre gestionnaire RH (DPE).")
                : ProblemException.notFound("urn:portail:iprof:record-not-found",
                "Aucun dossier de carrière ne correspond à cette adresse.");
    }

    /** What only the person does to her own record (her CV, her observations) is addressed at {@code me}. */
    public static void requireMe(String ref) {
        if (!ME.equals(ref)) {
            throw notFound(ref);
        }
    }

    private static Optional<UUID> parse(String ref) {
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
