package fr.academie.iprof.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.UUID;

/** Test fixtures: career records as HR imports them. */
@ApplicationScoped
@Transactional
public class Agents {

    /** Replaces any record of the identifier with a fresh one, linked to the account when one is given. */
    public void imported(String identifier, String accountId) {
        Agent.delete("identifier = ?1 or accountId = ?2", identifier, accountId == null ? "" : accountId);
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.accountId = accountId;
        agent.identifier = identifier;
        agent.firstName = "Léna";
        agent.lastName = "Martin";
        agent.corps = "Professeur certifié";
        agent.grade = "Classe normale";
        agent.echelon = 7;
        agent.echelonSince = LocalDate.of(2025, 9, 1);
        agent.schoolUai = "0450042K";
        agent.schoolName = "Lycée de l'Orme, Orléans";
        agent.persist();
    }

    public String accountOf(String identifier) {
        return Agent.<Agent>find("identifier", identifier).firstResult().accountId;
    }
}
