package fr.academie.iprof.agent;

import java.time.LocalDate;
import java.util.UUID;

/** The summary of a career record, all a head of school may see: who, corps, grade, échelon, assignment. */
public record CareerSummary(UUID id, String firstName, String lastName, String corps, String grade, int echelon,
                            LocalDate echelonSince, School assignment) {

    /** The school the person is assigned to, and since when. */
    public record School(String uai, String schoolName, String commune, LocalDate since) {
    }

    static CareerSummary of(Agent agent) {
        return new CareerSummary(agent.id, agent.firstName, agent.lastName, agent.corps, agent.grade, agent.echelon,
                agent.echelonSince, agent.schoolUai == null ? null
                : new School(agent.schoolUai, agent.schoolName, agent.schoolCommune, agent.assignedSince));
    }
}
