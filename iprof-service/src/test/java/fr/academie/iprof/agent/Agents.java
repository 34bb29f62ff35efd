package fr.academie.iprof.agent;

import fr.academie.iprof.access.AccessLogEntry;
import fr.academie.iprof.appraisal.Appraisal;
import fr.academie.iprof.campaign.PromotionCampaign;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Test fixtures: career records as HR imports them, with their events, appraisals and campaigns. */
@ApplicationScoped
@Transactional
public class Agents {

    /** Replaces any record of the identifier with Léna's career, linked to the account when one is given. */
    public Agent imported(String identifier, String accountId) {
        return imported(identifier, accountId, "Professeur certifié", "Classe normale", 7, LocalDate.of(2025, 9, 1),
                "0450042K");
    }

    /** Replaces any record of the identifier (or the account) with a fresh one. */
    public Agent imported(String identifier, String accountId, String corps, String grade, int echelon,
                          LocalDate echelonSince, String uai) {
        Agent.delete("identifier = ?1 or accountId = ?2", identifier, accountId == null ? "" : accountId);
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.accountId = accountId;
        agent.identifier = identifier;
        agent.firstName = "lmartin".equals(identifier) ? "Léna" : "Camille";
        agent.lastName = "lmartin".equals(identifier) ? "Martin" : "Essai " + identifier;
        agent.corps = corps;
        agent.discipline = "Histoire-géographie";
        agent.grade = grade;
        agent.echelon = echelon;
        agent.echelonSince = echelonSince;
        agent.indiceMajore = 513;
        agent.schoolUai = uai;
        agent.schoolName = uai == null ? null : "Lycée de l'Orme, Orléans";
        agent.schoolCommune = uai == null ? null : "Orléans";
        agent.assignedSince = uai == null ? null : LocalDate.of(2019, 9, 1);
        agent.persist();
        if (uai != null) {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.agentId = agent.id;
            assignment.schoolUai = uai;
            assignment.schoolName = agent.schoolName;
            assignment.commune = agent.schoolCommune;
            assignment.startsOn = agent.assignedSince;
            assignment.persist();
        }
        return agent;
    }

    public void event(UUID agentId, LocalDate occurredOn, String kind, String label) {
        CareerEvent.of(agentId, occurredOn, kind, label, Instant.now()).persist();
    }

    /** A rendez-vous de carrière held 20 days before its report was notified, evaluated by the inspector given. */
    public UUID appraisal(UUID agentId, LocalDate notifiedOn, LocalDate finalNotifiedOn, String evaluator) {
        Appraisal appraisal = new Appraisal();
        appraisal.id = UUID.randomUUID();
        appraisal.agentId = agentId;
        appraisal.heldOn = (notifiedOn == null ? LocalDate.now() : notifiedOn).minusDays(20);
        appraisal.evaluators.add(new Appraisal.Evaluator(evaluator, "Inès Pector"));
        appraisal.report = "Séquences rigoureuses, élèves impliqués.";
        appraisal.notifiedOn = notifiedOn;
        appraisal.finalAppraisal = finalNotifiedOn == null ? null : "tres-satisfaisant";
        appraisal.finalNotifiedOn = finalNotifiedOn;
        appraisal.persist();
        return appraisal.id;
    }

    /** A hors-classe campaign open on the days given, for the grade and échelon condition given. */
    public UUID campaign(String grade, int minEchelon, int minYears, LocalDate opensOn, LocalDate closesOn) {
        PromotionCampaign campaign = new PromotionCampaign();
        campaign.id = UUID.randomUUID();
        campaign.kind = "hors-classe";
        campaign.title = "Hors classe " + closesOn.getYear() + " – " + campaign.id.toString().substring(0, 4);
        campaign.opensOn = opensOn;
        campaign.closesOn = closesOn;
        campaign.fromGrade = grade;
        campaign.minEchelon = minEchelon;
        campaign.minYears = minYears;
        campaign.referenceDate = LocalDate.of(closesOn.getYear(), 8, 31);
        campaign.persist();
        return campaign.id;
    }

    public String accountOf(String identifier) {
        return Agent.<Agent>find("identifier", identifier).firstResult().accountId;
    }

    public long readsOf(UUID agentId, String role) {
        return AccessLogEntry.count("agentId = ?1 and readerRole = ?2", agentId, role);
    }

    /** A read of the record by HR at the given time, as the access log keeps it. */
    public void readAt(UUID agentId, Instant at) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.agentId = agentId;
        entry.readerId = "claire";
        entry.readerName = "Claire Durand";
        entry.readerRole = "gestionnaire-rh";
        entry.part = "dossier";
        entry.readAt = at;
        entry.persist();
    }

    public long count(UUID agentId) {
        return Agent.count("id", agentId);
    }

    public long readsOf(UUID agentId) {
        return AccessLogEntry.count("agentId", agentId);
    }
}
