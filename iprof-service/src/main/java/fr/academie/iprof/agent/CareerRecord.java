package fr.academie.iprof.agent;

import fr.academie.iprof.grid.AdvancementGrid;
import fr.academie.iprof.grid.NextEchelon;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A whole career record, for its owner and HR: the summary, status, pay index, assignments and advancement. */
public record CareerRecord(UUID id, String identifier, String firstName, String lastName, String status, String corps,
                           String discipline, String grade, int echelon, LocalDate echelonSince, Integer indiceMajore,
                           CareerSummary.School assignment, List<PastAssignment> assignments, Advancement advancement) {

    /** An assignment, current (no end) or past. */
    public record PastAssignment(String uai, String schoolName, String commune, LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * What the grid in force says of the next échelon ({@code next} is null on the last échelon of the grade);
     * the whole advancement is null when no grid is known for the corps and grade.
     */
    public record Advancement(String gridSource, LocalDate gridEffectiveFrom, int lastEchelon, NextEchelon next) {

        static Advancement of(AdvancementGrid grid, NextEchelon next) {
            int last = grid.steps().stream().mapToInt(AdvancementGrid.Step::echelon).max().orElse(0);
            return new Advancement(grid.source(), grid.effectiveFrom(), last, next);
        }
    }

    static CareerRecord of(Agent agent, List<Assignment> assignments, Advancement advancement) {
        CareerSummary summary = CareerSummary.of(agent);
        return new CareerRecord(agent.id, agent.identifier, agent.firstName, agent.lastName, agent.status, agent.corps,
                agent.discipline, agent.grade, agent.echelon, agent.echelonSince, agent.indiceMajore, summary.assignment(),
                assignments.stream().map(a -> new PastAssignment(a.schoolUai, a.schoolName, a.commune, a.startsOn, a.endsOn))
                        .toList(), advancement);
    }
}
