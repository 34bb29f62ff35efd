package fr.academie.iprof.agent;

import java.time.LocalDate;

/** The summary of a career record: who, corps, grade, échelon and since when, current assignment. */
public record CareerSummary(String firstName, String lastName, String corps, String grade, int echelon,
                            LocalDate echelonSince, Assignment assignment) {

    /** The school the person is assigned to. */
    public record Assignment(String uai, String schoolName) {
    }

    static CareerSummary of(Agent agent) {
        return new CareerSummary(agent.firstName, agent.lastName, agent.corps, agent.grade, agent.echelon,
                agent.echelonSince, agent.schoolUai == null ? null : new Assignment(agent.schoolUai, agent.schoolName));
    }
}
