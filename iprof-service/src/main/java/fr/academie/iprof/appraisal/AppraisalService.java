package fr.academie.iprof.appraisal;

import fr.academie.common.realm.Roles;
import fr.academie.iprof.access.AccessLog;
import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.agent.Agent;
import fr.academie.iprof.agent.CareerEvent;
import fr.academie.iprof.agent.RecordAccessPolicy;
import fr.academie.iprof.shared.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Appraisals: the person's and HR's reading, the person's observations, an inspector's own appraisals. */
@ApplicationScoped
@Transactional
public class AppraisalService {

    private final RecordAccessPolicy records;
    private final AccessLog log;
    private final Paris paris;

    public AppraisalService(RecordAccessPolicy records, AccessLog log, Paris paris) {
        this.records = records;
        this.log = log;
        this.paris = paris;
    }

    /** The appraisals of a record, newest first, for its owner or HR. */
    public Optional<List<AppraisalView>> of(String ref, Reader reader) {
        LocalDate today = paris.today();
        return records.whole(ref, reader, Part.APPRAISALS).map(agent -> Appraisal.<Appraisal>list(
                        "agentId = ?1 order by heldOn desc", agent.id).stream()
                .map(appraisal -> AppraisalView.of(appraisal, agent.fullName(), today)).toList());
    }

    /** The person writes (or rewrites) her observations while their window is open. */
    public Optional<AppraisalView> observe(Reader reader, UUID appraisalId, String text) {
        return records.own(reader).map(agent -> {
            Appraisal appraisal = Appraisal.<Appraisal>findByIdOptional(appraisalId)
                    .filter(found -> found.agentId.equals(agent.id))
                    .orElseThrow(AppraisalProblems::notFound);
            appraisal.observe(text, paris.today(), paris.now());
            return AppraisalView.of(appraisal, agent.fullName(), paris.today());
        });
    }

    /** HR enters a rendez-vous de carrière into a record; it is dated in the timeline. */
    public Optional<AppraisalView> enter(String ref, Reader reader, AppraisalInput input) {
        return records.whole(ref, reader, Part.APPRAISALS).filter(agent -> reader.isHr()).map(agent -> {
            Appraisal appraisal = new Appraisal();
            appraisal.id = UUID.randomUUID();
            appraisal.agentId = agent.id;
            appraisal.write(input);
            appraisal.persist();
            CareerEvent.of(agent.id, input.heldOn(), "rendez-vous", "Rendez-vous de carrière", paris.now()).persist();
            return AppraisalView.of(appraisal, agent.fullName(), paris.today());
        });
    }

    /** HR completes or corrects an appraisal, from the version they read. */
    public Optional<AppraisalView> change(String ref, Reader reader, UUID appraisalId, AppraisalInput input) {
        return records.whole(ref, reader, Part.APPRAISALS).filter(agent -> reader.isHr()).map(agent -> {
            Appraisal appraisal = Appraisal.<Appraisal>findByIdOptional(appraisalId)
                    .filter(found -> found.agentId.equals(agent.id)).orElseThrow(AppraisalProblems::notFound);
            if (input.version() == null || input.version() != appraisal.version) {
                throw AppraisalProblems.concurrentChange();
            }
            appraisal.write(input);
            Appraisal.getEntityManager().flush(); // the new version, in the answer
            return AppraisalView.of(appraisal, agent.fullName(), paris.today());
        });
    }

    /** The appraisals an inspector conducted, newest first; each agent's appraisals read is logged for them. */
    public List<AppraisalView> conductedBy(Reader reader) {
        List<Appraisal> appraisals = Appraisal.list(
                "select a from Appraisal a join a.evaluators e where e.identifier = ?1 order by a.heldOn desc",
                reader.identifier());
        Map<UUID, Agent> agents = Agent.<Agent>list("id in ?1", appraisals.stream().map(a -> a.agentId).distinct().toList())
                .stream().collect(Collectors.toMap(agent -> agent.id, Function.identity()));
        log.record(reader, Roles.INSPECTOR, Part.APPRAISALS, agents.keySet());
        LocalDate today = paris.today();
        return appraisals.stream().map(a -> AppraisalView.of(a, agents.get(a.agentId).fullName(), today)).toList();
    }
}
