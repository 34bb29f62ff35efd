package fr.academie.iprof.agent;

import fr.academie.iprof.access.Part;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.grid.Grids;
import fr.academie.iprof.shared.Paris;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** Career records as their readers may see them: whole with the projections, or the summary. */
@ApplicationScoped
@Transactional
public class AgentService {

    private final Records records;
    private final Grids grids;
    private final Paris paris;

    public AgentService(Records records, Grids grids, Paris paris) {
        this.records = records;
        this.grids = grids;
        this.paris = paris;
    }

    public Optional<CareerRecord> record(String ref, Reader reader) {
        LocalDate today = paris.today();
        return records.whole(ref, reader, Part.RECORD).map(agent -> CareerRecord.of(agent, Assignment.of(agent.id),
                grids.inForce(agent.corps, agent.grade, today).map(grid -> CareerRecord.Advancement.of(grid,
                        grid.next(agent.echelon, agent.echelonSince, today).orElse(null))).orElse(null)));
    }

    public Optional<CareerSummary> summary(String ref, Reader reader) {
        return records.summary(ref, reader).map(CareerSummary::of);
    }
}
