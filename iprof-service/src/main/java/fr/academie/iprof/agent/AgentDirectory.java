package fr.academie.iprof.agent;

import fr.academie.common.page.Page;
import fr.academie.common.problem.ProblemException;
import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.AccessLog;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The summaries of the agents of a school, by name: HR lists any school (or all agents), a head of school their
 * own. Each summary listed is a read of that record, logged for its owner.
 */
@ApplicationScoped
@Transactional
public class AgentDirectory {

    private final AccessLog log;

    public AgentDirectory(AccessLog log) {
        this.log = log;
    }

    public Page<CareerSummary> list(Reader reader, String uai, String cursor, int limit) {
        String role = reader.isHr() ? Roles.HR : Roles.HEAD_OF_SCHOOL;
        String school = reader.isHr() ? uai : reader.uai();
        if (!reader.isHr() && (reader.uai() == null || (uai != null && !uai.equals(reader.uai())))) {
            throw ProblemException.notFound("urn:portail:iprof:school-not-found",
                    "Vous ne pouvez consulter que les agents de votre établissement.");
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (school != null) {
            query.append(" and schoolUai = :uai");
            parameters.and("uai", school);
        }
        NameCursor after = NameCursor.decode(cursor);
        if (after != null) {
            query.append(" and ").append(NameCursor.AFTER);
            parameters.and("lastName", after.lastName()).and("firstName", after.firstName()).and("id", after.id());
        }
        List<Agent> rows = Agent.<Agent>find(query + " order by lastName, firstName, id", parameters).range(0, limit).list();
        List<Agent> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        log.record(reader, role, Part.SUMMARY, shown.stream().map(agent -> agent.id).toList());
        return new Page<>(shown.stream().map(CareerSummary::of).toList(),
                rows.size() > limit ? NameCursor.of(shown.get(limit - 1)).encode() : null);
    }
}
