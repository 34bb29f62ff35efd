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

    private final RecordAccessPolicy records;
    private final Grids grids;
    private final Paris paris;
    private final CareerUpdates updates;

    public AgentService(RecordAccessPolicy records, Grids grids, Paris paris, CareerUpdates updates) {
        this.records = records;
        this.grids = grids;
        this.paris = paris;
        this.updates = updates;
    }

    public Optional<CareerRecord> record(String ref, Reader reader) {
        return records.whole(ref, reader, Part.RECORD).map(this::record);
    }

    private CareerRecord record(Agent agent) {
        LocalDate today = paris.today();
        return CareerRecord.of(agent, Assignment.of(agent.id), grids.inForce(agent.corps, agent.grade, today)
                .map(grid -> CareerRecord.Advancement.of(grid, grid.next(agent.echelon, agent.echelonSince, today).orElse(null)))
                .orElse(null));
    }

    /** HR brings a record's career data up to date; each change is dated in the timeline. */
    public Optional<CareerRecord> change(String ref, Reader reader, CareerInput input) {
        return records.whole(ref, reader, Part.RECORD).filter(agent -> reader.isHr()).map(agent -> {
            updates.apply(agent, input.toData(agent.identifier), paris.now());
            return record(agent);
        });
    }

    public Optional<CareerSummary> summary(String ref, Reader reader) {
        return records.summary(ref, reader).map(CareerSummary::of);
    }
}
