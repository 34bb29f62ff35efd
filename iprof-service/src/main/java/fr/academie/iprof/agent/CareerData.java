package fr.academie.iprof.agent;

import java.time.LocalDate;
import java.util.Objects;

/** The career data HR holds for an agent (one line of the agents import), checked. */
public record CareerData(String identifier, String lastName, String firstName, String status, String corps,
                         String discipline, String grade, int echelon, LocalDate echelonSince, Integer indiceMajore,
                         School school) {

    /** The current assignment, and since when. */
    public record School(String uai, String name, String commune, LocalDate since) {
    }

    /** Whether the record already says all this. */
    boolean sameAs(Agent agent) {
        School current = agent.schoolUai == null ? null
                : new School(agent.schoolUai, agent.schoolName, agent.schoolCommune, agent.assignedSince);
        return lastName.equals(agent.lastName) && firstName.equals(agent.firstName) && status.equals(agent.status)
                && corps.equals(agent.corps) && Objects.equals(discipline, agent.discipline) && grade.equals(agent.grade)
                && echelon == agent.echelon && echelonSince.equals(agent.echelonSince)
                && Objects.equals(indiceMajore, agent.indiceMajore) && Objects.equals(school, current);
    }
}
