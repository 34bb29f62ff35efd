package fr.academie.iprof.agent;

import fr.academie.common.date.FrenchDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static fr.academie.common.date.FrenchDates.ordinal;

/**
 * Writes HR's career data into a record: a new record, or the changes to one, each change of échelon, grade or
 * school also dated in the timeline and, for a school, in the assignment history.
 */
@ApplicationScoped
@Transactional
public class CareerUpdates {

    /** What writing the data did (or would do) to the record. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public static Outcome outcome(Agent existing, CareerData data) {
        return existing == null ? Outcome.CREATED : data.sameAs(existing) ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    /** Creates the record or brings it up to date; {@code existing} is the record of the identifier, or null. */
    public Outcome apply(Agent existing, CareerData data, Instant now) {
        Outcome outcome = outcome(existing, data);
        if (outcome == Outcome.UNCHANGED) {
            return outcome;
        }
        Agent agent = existing == null ? new Agent() : existing;
        if (existing == null) {
            agent.id = UUID.randomUUID();
            agent.identifier = data.identifier();
        } else {
            recordChanges(agent, data, now);
        }
        boolean newSchool = data.school() != null && !data.school().uai().equals(agent.schoolUai);
        agent.lastName = data.lastName();
        agent.firstName = data.firstName();
        agent.status = data.status();
        agent.corps = data.corps();
        agent.discipline = data.discipline();
        agent.grade = data.grade();
        agent.echelon = data.echelon();
        agent.echelonSince = data.echelonSince();
        agent.indiceMajore = data.indiceMajore();
        if (existing == null) {
            agent.persist(); // before its assignment, which refers to it
        }
        assign(agent, data.school(), newSchool, existing != null, now);
        return outcome;
    }

    private static void recordChanges(Agent agent, CareerData data, Instant now) {
        String grade = data.grade().toLowerCase(Locale.FRENCH);
        if (!data.grade().equals(agent.grade)) {
            CareerEvent.of(agent.id, data.echelonSince(), "grade", "Accès à la " + grade + " (" + ordinal(data.echelon())
                    + " échelon)", now).persist();
        } else if (data.echelon() != agent.echelon) {
            CareerEvent.of(agent.id, data.echelonSince(), "echelon", "Passage au " + ordinal(data.echelon())
                    + " échelon de la " + grade, now).persist();
        }
        if (data.school() != null && !data.school().uai().equals(agent.schoolUai)) {
            CareerEvent.of(agent.id, data.school().since(), "affectation", "Affectation : " + data.school().name()
                    + (data.school().commune() == null ? "" : " (" + data.school().commune() + ")"), now).persist();
        }
    }

    /**
     * The current school; a new school closes the assignment that was current the day before, and a record left
     * without a school closes it on the day of the change.
     */
    private static void assign(Agent agent, CareerData.School school, boolean newSchool, boolean existed, Instant now) {
        boolean leaves = school == null && agent.schoolUai != null;
        if (existed && (newSchool || leaves)) {
            // only for a known record: a query would also flush (and unbatch) a new record's pending inserts
            LocalDate lastDay = newSchool ? school.since().minusDays(1) : LocalDate.ofInstant(now, FrenchDates.PARIS);
            Assignment.<Assignment>list("agentId = ?1 and endsOn is null", agent.id).forEach(open ->
                    open.endsOn = lastDay.isBefore(open.startsOn) ? open.startsOn : lastDay);
        }
        if (newSchool) {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.agentId = agent.id;
            assignment.schoolUai = school.uai();
            assignment.schoolName = school.name();
            assignment.commune = school.commune();
            assignment.startsOn = school.since();
            assignment.persist();
        }
        agent.schoolUai = school == null ? null : school.uai();
        agent.schoolName = school == null ? null : school.name();
        agent.schoolCommune = school == null ? null : school.commune();
        agent.assignedSince = school == null ? null : school.since();
    }
}
